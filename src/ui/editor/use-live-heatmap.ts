import { useEffect, useState } from 'react';
import { DEFAULT_ROAMING_CLIENT, type LayerName, type RoamingClient } from '../../../propagation/layers/band-layers.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { layerRequest } from '../../engine/layer-request.ts';
import { levelGrid } from '../../engine/level-grid.ts';
import { useRadioScene } from '../use-radio-scene.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { CancelledError, type LayerResult, type Progress } from '../../../workers/engine-client.ts';

export type HeatmapStatus = { kind: 'idle' } | { kind: 'running'; progress: Progress } | { kind: 'done' } | { kind: 'error'; message: string };

/** While an AP is dragged, the map follows on a grid this many times coarser; full resolution once it is dropped. */
const INTERACTIVE_COARSENING = 4;

/**
 * The engine's layer for the level and band, recomputed whenever the document changes. Each new request makes the
 * engine drop the one in progress, so the map follows edits without queueing stale work.
 */
export function useLiveHeatmap(document: ProjectDocument, levelId: string, band: BandId, layer: LayerName, interactive: boolean, enabled: boolean, roaming: RoamingClient = DEFAULT_ROAMING_CLIENT) {
  const [result, setResult] = useState<LayerResult | null>(null);
  const [status, setStatus] = useState<HeatmapStatus>({ kind: 'idle' });
  const scene = useRadioScene(document);
  const { coverageZones, requirementProfiles, interferenceSources } = document;
  const hasRadios = document.accessPoints.some((ap) => ap.levelId === levelId && ap.radios.some((radio) => radio.enabled && radio.band === band));

  useEffect(() => {
    if (!enabled || !hasRadios) {
      setResult(null);
      setStatus({ kind: 'idle' });
      return;
    }
    let grid;
    try {
      const resolution = document.prediction.gridResolutionM * (interactive ? INTERACTIVE_COARSENING : 1);
      grid = levelGrid(document, levelId, resolution);
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message });
      return;
    }
    let live = true;
    const client = engine();
    setStatus({ kind: 'running', progress: { done: 0, total: 0 } });
    void client
      .setScene(scene)
      .then(() =>
        client.compute(
          layerRequest(document, levelId, band, layer, grid, interactive ? 1 : INTERACTIVE_COARSENING, layer === 'roaming' ? roaming : undefined),
          (next) => live && setResult(next),
          (progress) => live && setStatus({ kind: 'running', progress }),
        ),
      )
      .then(() => live && setStatus({ kind: 'done' }))
      .catch((error: unknown) => {
        if (!live || error instanceof CancelledError) return;
        setStatus({ kind: 'error', message: (error as Error).message });
      });
    return () => {
      live = false;
    };
    // the scene, the zones and their profiles stand for the document
  }, [scene, coverageZones, requirementProfiles, interferenceSources, levelId, band, layer, interactive, enabled, hasRadios, roaming.candidateDbm, roaming.hysteresisDb]);

  return { result: enabled && hasRadios ? result : null, status };
}
