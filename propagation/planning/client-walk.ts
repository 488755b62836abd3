/**
 * A client walking along a path: the signal of every radio of a band at regular steps, the AP the client is on and
 * where it hands over. The client is sticky, as real ones are: it stays on its AP until that AP falls below the
 * roaming trigger and another is at least `hysteresisDb` stronger. Pure; one engine evaluation per step.
 */
import { computeApFields } from '../field/ap-fields.ts';
import type { BandId } from '../radio/channels.ts';
import { pointGrid } from '../scene/point-grid.ts';
import type { Scene } from '../scene/types.ts';

export interface WalkOptions {
  stepM: number;
  hysteresisDb: number;
  roamTriggerDbm: number;
}

export const DEFAULT_WALK_OPTIONS: WalkOptions = { stepM: 0.5, hysteresisDb: 5, roamTriggerDbm: -70 };

export interface WalkProfile {
  radioIds: string[];
  apIds: string[];
  samples: { distanceM: number; x: number; y: number; rssiDbm: number[]; serving: number; servingDbm: number }[];
  handovers: { distanceM: number; x: number; y: number; from: number; to: number }[];
}

/** Points every `stepM` along the polyline (its ends included). */
export function samplePath(path: readonly { x: number; y: number }[], stepM: number): { distanceM: number; x: number; y: number }[] {
  const samples: { distanceM: number; x: number; y: number }[] = [];
  let travelled = 0;
  for (let index = 1; index < path.length; index++) {
    const a = path[index - 1]!;
    const b = path[index]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const steps = Math.max(1, Math.ceil(length / stepM));
    for (let step = index === 1 ? 0 : 1; step <= steps; step++) {
      const t = step / steps;
      samples.push({ distanceM: travelled + t * length, x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) });
    }
    travelled += length;
  }
  return samples;
}

export function walkProfile(scene: Scene, levelId: string, band: BandId, path: readonly { x: number; y: number }[], options: WalkOptions = DEFAULT_WALK_OPTIONS): WalkProfile {
  const radios = scene.radios.filter((radio) => radio.band === band);
  const samples: WalkProfile['samples'] = [];
  const handovers: WalkProfile['handovers'] = [];
  let serving = -1;
  for (const point of samplePath(path, options.stepM)) {
    // One evaluation per radio (the engine groups radios by AP; here each band has one radio per AP).
    const rssiDbm = radios.map((radio) => computeApFields(scene, [radio], levelId, pointGrid(point.x, point.y))[0]![0]!);
    let best = -1;
    rssiDbm.forEach((value, index) => {
      if (best < 0 || value > rssiDbm[best]!) best = index;
    });
    if (serving < 0) serving = best;
    else if (best >= 0 && best !== serving && rssiDbm[serving]! < options.roamTriggerDbm && rssiDbm[best]! >= rssiDbm[serving]! + options.hysteresisDb) {
      handovers.push({ distanceM: point.distanceM, x: point.x, y: point.y, from: serving, to: best });
      serving = best;
    }
    samples.push({ ...point, rssiDbm, serving, servingDbm: serving >= 0 ? rssiDbm[serving]! : -200 });
  }
  return { radioIds: radios.map((radio) => radio.id), apIds: radios.map((radio) => radio.apId), samples, handovers };
}
