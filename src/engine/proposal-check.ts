/**
 * The proposal checked by the computation of « Résultats » and the reports: the study with the proposal applied
 * (the same action « Appliquer » runs, on a copy), its scene, and for each band in use the layer request of the
 * level's heatmap (same grid, same coarse-then-full passes, same zones and criteria). The numbers shown before
 * applying are therefore those « Résultats » shows after. A dedicated engine computes it, so the heatmaps of the
 * views keep their own scene.
 */
import { produce } from 'immer';
import type { Proposal } from '../../propagation/planning/propose-plan.ts';
import type { BandId } from '../../propagation/radio/channels.ts';
import type { ZoneStatistics } from '../../propagation/layers/zone-statistics.ts';
import { EngineClient, type LayerResult, type Progress } from '../../workers/engine-client.ts';
import { applyProposal } from '../actions/apply-proposal.ts';
import type { ProjectDocument } from '../model/schema.ts';
import { bandsInUse, layerRequest } from './layer-request.ts';
import { levelGrid } from './level-grid.ts';
import type { ProposalSettings } from './proposal-input.ts';
import { sceneFromProject } from './scene-from-project.ts';

/** Coarse pass factor of the results view's map (PredictedCoverage): the check runs the same passes. */
export const RESULTS_COARSE_FACTOR = 4;

export interface ProposalCheck {
  preview: ProjectDocument;
  /** Ids of the APs the proposal adds in the preview. */
  addedApIds: string[];
  bands: { band: BandId; zones: { id: string; statistics: ZoneStatistics }[] }[];
  /** Pass/fail map (requirement layer) of each band. */
  maps: LayerResult[];
}

/** The study as it will be once the proposal is applied (preview ids, the real ones are drawn at « Appliquer »). */
export function proposalPreview(document: ProjectDocument, levelId: string, proposal: Proposal, settings: ProposalSettings): { preview: ProjectDocument; addedApIds: string[] } {
  const addedApIds: string[] = [];
  const action = applyProposal(document, levelId, proposal, settings, () => {
    const id = `apercu-${addedApIds.length + 1}`;
    addedApIds.push(id);
    return id;
  }, '');
  return { preview: produce(document, action.recipe), addedApIds };
}

export async function checkProposal(document: ProjectDocument, levelId: string, proposal: Proposal, settings: ProposalSettings, onProgress: (progress: Progress) => void, engine = new EngineClient()): Promise<ProposalCheck> {
  const { preview, addedApIds } = proposalPreview(document, levelId, proposal, settings);
  try {
    await engine.setScene(sceneFromProject(preview));
    const grid = levelGrid(preview, levelId);
    const bands: ProposalCheck['bands'] = [];
    const maps: LayerResult[] = [];
    for (const band of bandsInUse(preview)) {
      let last: LayerResult | null = null;
      await engine.compute(layerRequest(preview, levelId, band, 'requirement', grid, RESULTS_COARSE_FACTOR), (result) => (last = result), onProgress);
      const final = last as LayerResult | null;
      if (!final || final.coarse) continue;
      bands.push({ band, zones: final.zones });
      maps.push(final);
    }
    return { preview, addedApIds, bands, maps };
  } finally {
    engine.dispose();
  }
}
