/** How loud the radios of one band are to each other: the RSSI of radio j at radio i's position, in mW. */
import { computeApFields } from '../field/ap-fields.ts';
import type { BandId } from '../radio/channels.ts';
import type { Scene, SceneRadio } from '../scene/types.ts';
import { NO_SIGNAL_DBM } from '../scene/types.ts';
import { pointGrid } from '../scene/point-grid.ts';

export function mutualHearingMw(scene: Scene, band: BandId): { radios: SceneRadio[]; heardMw: number[][] } {
  const radios = scene.radios.filter((radio) => radio.band === band);
  const heardMw = radios.map((listener) => {
    const grid = pointGrid(listener.x, listener.y);
    return radios.map((source) => {
      if (source === listener) return 0;
      // A source on another level than the listener still reaches it through the slabs (computed on the listener's level).
      const [field] = computeApFields(scene, [source], listener.levelId, grid);
      const dbm = field![0]!;
      return dbm <= NO_SIGNAL_DBM ? 0 : 10 ** (dbm / 10);
    });
  });
  return { radios, heardMw };
}
