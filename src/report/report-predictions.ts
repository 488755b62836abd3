/**
 * The prediction results a report needs, per level and band, from the same engine as the app: the RSSI layer,
 * the zone statistics, and per radio the area it serves above the zone requirement's primary level.
 */
import type { BandLayers } from '../../propagation/layers/band-layers.ts';
import { zoneStatistics, type ZoneStatistics } from '../../propagation/layers/zone-statistics.ts';
import type { BandId } from '../../propagation/radio/channels.ts';
import type { GridSpec } from '../../propagation/scene/types.ts';
import { PredictionSession } from '../../propagation/session/prediction-session.ts';
import { bandsInUse } from '../engine/layer-request.ts';
import { levelGrid } from '../engine/level-grid.ts';
import { sceneFromProject } from '../engine/scene-from-project.ts';
import { nonWifiSources } from '../engine/non-wifi-sources.ts';
import { requirementZones, type LevelZoneMask } from '../engine/requirement-zones.ts';
import { sourceInterferenceMw } from '../../propagation/planning/source-impact.ts';
import type { ProjectDocument } from '../model/schema.ts';

export const SERVED_THRESHOLD_DBM = -67;

export interface LevelBandPrediction {
  levelId: string;
  band: BandId;
  grid: GridSpec;
  layers: BandLayers;
  /** Radio ids in the order `layers.serving` indexes them. */
  radioIds: string[];
  /** The level's zones on `grid`, with their profile (the same for every band of the level). */
  zoneMasks: LevelZoneMask[];
  zones: { zoneId: string; statistics: ZoneStatistics }[];
  /** Area (m²) where each radio serves at ≥ SERVED_THRESHOLD_DBM, by radio id. */
  servedAreaM2: Map<string, number>;
  /** Share of each zone's cells where two or more radios are heard (roaming possible), by zone id. */
  roamingShare: Map<string, number>;
}

export interface ReportPredictions {
  results: LevelBandPrediction[];
  error: string | null;
}

export function computeReportPredictions(document: ProjectDocument, onStep: (done: number, total: number) => void = () => {}, shouldStop: () => boolean = () => false): ReportPredictions {
  const bands = bandsInUse(document);
  const results: LevelBandPrediction[] = [];
  if (bands.length === 0) return { results, error: null };
  const session = new PredictionSession();
  const scene = sceneFromProject(document);
  const sources = nonWifiSources(document);
  session.setScene(scene);
  const total = document.levels.length * bands.length;
  let done = 0;
  try {
    for (const level of document.levels) {
      const grid = levelGrid(document, level.id);
      const zoneMasks = requirementZones(document, level.id, grid);
      // Every band of each AP in one job: the bands share the geometry (distances, wall crossings).
      session.ensure(level.id, null, grid);
      for (const band of bands) {
        if (shouldStop()) return { results, error: null };
        const { radios, layers } = session.bandLayers(level.id, band, grid, undefined, true, sourceInterferenceMw(scene, sources, level.id, band, grid));
        const cellArea = grid.resolutionM * grid.resolutionM;
        const servedAreaM2 = new Map<string, number>(radios.map((radio) => [radio.id, 0]));
        for (let cell = 0; cell < layers.serving.length; cell++) {
          const serving = layers.serving[cell]!;
          if (serving >= 0 && layers.best[cell]! >= SERVED_THRESHOLD_DBM) {
            const id = radios[serving]!.id;
            servedAreaM2.set(id, servedAreaM2.get(id)! + cellArea);
          }
        }
        const roamingShare = new Map<string, number>();
        const zones = zoneMasks.map(({ zoneId, mask, requirement }) => {
          let cells = 0;
          let roaming = 0;
          for (let cell = 0; cell < mask.length; cell++) {
            if (!mask[cell]) continue;
            cells++;
            if (layers.heard[cell]! >= 2) roaming++;
          }
          roamingShare.set(zoneId, cells === 0 ? 0 : roaming / cells);
          return { zoneId, statistics: zoneStatistics(layers, mask, grid.resolutionM, requirement) };
        });
        results.push({ levelId: level.id, band, grid, layers, radioIds: radios.map((radio) => radio.id), zoneMasks, zones, servedAreaM2, roamingShare });
        onStep(++done, total);
      }
    }
  } catch (error) {
    return { results, error: (error as Error).message };
  }
  return { results, error: null };
}

/** Area served at ≥ SERVED_THRESHOLD_DBM by each radio, summed over levels (m²). */
export function servedAreaByRadio(predictions: ReportPredictions): Map<string, number> {
  const served = new Map<string, number>();
  for (const result of predictions.results) for (const [id, area] of result.servedAreaM2) served.set(id, (served.get(id) ?? 0) + area);
  return served;
}
