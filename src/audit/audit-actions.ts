import type { Action } from '../actions/study-actions.ts';
import type { ModelParameters } from '../../propagation/calibration/fit-model.ts';
import type { Band, SurveyDataset } from '../model/schema.ts';
import { applySimilarity, type Similarity } from './survey-alignment.ts';

export function addSurveyDatasets(datasets: SurveyDataset[], label: string): Action {
  return { label, recipe: (draft) => void draft.surveys.push(...datasets) };
}

/** Adds one point to a dataset, creating the dataset (manual entry) when it does not exist yet. */
export function addSurveyPoint(dataset: Omit<SurveyDataset, 'points'>, point: SurveyDataset['points'][number], label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const target = draft.surveys.find((candidate) => candidate.id === dataset.id);
      if (target) target.points.push(point);
      else draft.surveys.push({ ...dataset, points: [point] });
    },
  };
}

/** Moves every point of a dataset by an alignment (one undoable change). */
export function alignSurveyDataset(datasetId: string, transform: Similarity, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const dataset = draft.surveys.find((candidate) => candidate.id === datasetId);
      if (!dataset) return;
      for (const point of dataset.points) {
        const moved = applySimilarity(transform, { x: point.position.xM, y: point.position.yM });
        point.position = { xM: moved.x, yM: moved.y };
      }
    },
  };
}

export function setDeviceOffset(datasetId: string, offsetDb: number, label: string): Action {
  return {
    label,
    recipe: (draft) => {
      const dataset = draft.surveys.find((candidate) => candidate.id === datasetId);
      if (dataset && Number.isFinite(offsetDb) && Math.abs(offsetDb) <= 40) dataset.deviceOffsetDb = offsetDb;
    },
  };
}

export function deleteSurveyDataset(datasetId: string, label: string): Action {
  return { label, recipe: (draft) => void (draft.surveys = draft.surveys.filter((dataset) => dataset.id !== datasetId)) };
}

/**
 * Applies a calibration as one undoable change: the fitted loss of each material on this band (walls, and slabs
 * when readings crossed floors), the path-loss exponent, and each AP's level change as a transmit power change on
 * this band.
 */
export function applyCalibration(band: Band, apIds: string[], materialIds: string[], prior: ModelParameters, fitted: ModelParameters, label: string, slabMaterialIds: string[] = []): Action {
  return {
    label,
    recipe: (draft) => {
      draft.prediction.pathLossExponent = Math.round(Math.min(6, Math.max(1, fitted.exponent)) * 100) / 100;
      const setLoss = (id: string, value: number) => {
        const material = draft.materials.find((candidate) => candidate.id === id);
        if (material) material.lossDb[band] = Math.round(Math.min(200, Math.max(0, value)) * 10) / 10;
      };
      materialIds.forEach((id, index) => setLoss(id, fitted.materialLossDb[index]!));
      slabMaterialIds.forEach((id, index) => {
        const value = fitted.slabLossDb?.[index];
        if (value !== undefined && value !== prior.slabLossDb?.[index]) setLoss(id, value);
      });
      apIds.forEach((id, index) => {
        const radio = draft.accessPoints.find((ap) => ap.id === id)?.radios.find((candidate) => candidate.band === band && candidate.enabled);
        if (radio) radio.txPowerDbm = Math.round(Math.min(36, Math.max(-10, radio.txPowerDbm + fitted.apLevelDbm[index]! - prior.apLevelDbm[index]!)) * 10) / 10;
      });
    },
  };
}
