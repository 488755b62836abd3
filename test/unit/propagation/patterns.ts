import type { AntennaPatternCuts } from '../../../propagation/scene/types.ts';

/** 3GPP TR 38.901 parabola, 60° beamwidth, 25 dB floor, sampled every degree. */
export function patchPattern(): AntennaPatternCuts {
  const cut = (count: number, start: number) =>
    Array.from({ length: count }, (_, index) => {
      let angle = start + index;
      if (angle > 180) angle -= 360;
      return -Math.min(12 * (angle / 60) ** 2, 25);
    });
  return { azimuthCutDb: cut(360, 0), elevationCutDb: cut(181, -90) };
}
