import { polygonAreaM2 } from './geometry.ts';
import type { ProjectDocument } from './schema.ts';

export interface LevelStatistics {
  levelId: string;
  levelName: string;
  zoneCount: number;
  coverageAreaM2: number;
  accessPointCount: number;
  enabledRadioCount: number;
  wallCount: number;
}

/** Counts and surfaces per level, in the document's level order. */
export function levelStatistics(document: ProjectDocument): LevelStatistics[] {
  return document.levels.map((level) => {
    const zones = document.coverageZones.filter((zone) => zone.levelId === level.id);
    const aps = document.accessPoints.filter((ap) => ap.levelId === level.id);
    return {
      levelId: level.id,
      levelName: level.name,
      zoneCount: zones.length,
      coverageAreaM2: zones.reduce((sum, zone) => sum + polygonAreaM2(zone.polygon), 0),
      accessPointCount: aps.length,
      enabledRadioCount: aps.reduce((sum, ap) => sum + ap.radios.filter((radio) => radio.enabled).length, 0),
      wallCount: document.walls.filter((wall) => wall.levelId === level.id).length,
    };
  });
}
