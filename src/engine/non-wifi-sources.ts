import type { NonWifiSource } from '../../propagation/planning/source-impact.ts';
import type { ProjectDocument } from '../model/schema.ts';

/** Height of a non-Wi-Fi source above its floor (m): appliances and base stations sit on tables and worktops. */
export const SOURCE_HEIGHT_M = 1;

/** The project's non-Wi-Fi sources as the RF core takes them. */
export function nonWifiSources(document: ProjectDocument): NonWifiSource[] {
  return document.interferenceSources.map((source) => ({
    id: source.id,
    levelId: source.levelId,
    x: source.position.xM,
    y: source.position.yM,
    heightM: SOURCE_HEIGHT_M,
    band: source.band,
    centerFrequencyMHz: source.centerFrequencyMHz,
    powerDbm: source.powerDbm,
    dutyCycle: source.dutyCycle,
  }));
}
