import { useEffect, useState } from 'react';
import type { BandId } from '../../../propagation/radio/channels.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { levelGrid } from '../../engine/level-grid.ts';
import { nonWifiSources } from '../../engine/non-wifi-sources.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';
import { useRadioScene } from '../use-radio-scene.ts';

/** The non-Wi-Fi sources' level on the band, as a map the canvas draws like a layer (null when off or none). */
export function useSourceImpact(document: ProjectDocument, levelId: string, band: BandId, enabled: boolean): LayerResult | null {
  const scene = useRadioScene(document);
  const [result, setResult] = useState<LayerResult | null>(null);
  const sources = document.interferenceSources;
  useEffect(() => {
    setResult(null);
    if (!enabled || !sources.some((source) => source.band === band)) return;
    let live = true;
    let grid;
    try {
      grid = levelGrid(document, levelId);
    } catch {
      return;
    }
    const list = nonWifiSources(document);
    void engine()
      .sourceImpact(scene, list, levelId, band, grid)
      .then((values) => live && setResult({ levelId, band, layer: 'rssi', grid, values, serving: new Float32Array(values.length).fill(-1), radioIds: [], zones: [], coarse: false, computedFields: list.length }));
    return () => {
      live = false;
    };
  }, [scene, sources, levelId, band, enabled]);
  return result;
}
