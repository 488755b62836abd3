import { useEffect, useState } from 'react';
import { spreadInSimilarConditions, type ResidualSample } from '../../../propagation/calibration/similar-conditions.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import { auditObservations, calibrationOptions } from '../../audit/survey-observations.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { EngineClient } from '../../../workers/engine-client.ts';
import type { Uncertainty } from './LossBreakdownBox.tsx';

const FOLDS = 5;

/**
 * The calibration's held-out residuals of the study's surveys on this band (k-fold by point, in a worker), as a
 * function giving the ± of a value by walls and floors crossed; null without survey readings of known APs. Only
 * computed while `enabled` (a budget is shown): the fits are not run for a panel nobody is reading.
 */
export function useCalibrationSpread(document: ProjectDocument, band: BandId, enabled: boolean): ((walls: number, floors: number) => Uncertainty | null) | null {
  const [samples, setSamples] = useState<ResidualSample[] | null>(null);
  useEffect(() => {
    setSamples(null);
    const surveyed = [...new Set(document.surveys.map((survey) => survey.levelId))];
    if (!enabled || surveyed.length === 0) return;
    let live = true;
    let client: EngineClient | null = null;
    const elevation = new Map(document.levels.map((level) => [level.id, level.elevationM]));
    const floorsBetween = (a: string, b: string) => {
      const low = Math.min(elevation.get(a) ?? 0, elevation.get(b) ?? 0);
      const high = Math.max(elevation.get(a) ?? 0, elevation.get(b) ?? 0);
      return document.levels.filter((level) => level.elevationM > low && level.elevationM <= high).length;
    };
    // Waits for edits to settle (a drag changes the study many times a second) before fitting again.
    const timer = setTimeout(() => {
      client = new EngineClient(1);
      void run(client)
        .then((collected) => live && setSamples(collected))
        .catch(() => live && setSamples(null))
        .finally(() => client?.dispose());
    }, 800);
    const run = async (engine: EngineClient) => {
      const collected: ResidualSample[] = [];
      for (const levelId of surveyed) {
        const audit = auditObservations(document, levelId, band);
        if (audit.observations.length < FOLDS * 2) continue;
        const validation = await engine.calibrate(audit.observations, audit.prior, calibrationOptions(audit), FOLDS);
        audit.observations.forEach((observation, index) => {
          const walls = Array.from(observation.crossings).reduce((sum, count) => sum + count, 0);
          collected.push({ walls, floors: floorsBetween(audit.aps[observation.ap]!.levelId, levelId), residualDb: observation.measuredDbm - validation.heldOutDbm[index]! });
        });
      }
      return collected;
    };
    return () => {
      live = false;
      clearTimeout(timer);
      client?.dispose();
    };
  }, [document, band, enabled]);
  if (!samples || samples.length === 0) return null;
  return (walls, floors) => spreadInSimilarConditions(samples, walls, floors);
}
