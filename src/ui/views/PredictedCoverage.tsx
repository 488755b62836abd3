import { useEffect, useState } from 'react';
import { DEFAULT_SCALES } from '../../../propagation/layers/colour-scale.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { bandsInUse, layerRequest } from '../../engine/layer-request.ts';
import { levelGrid } from '../../engine/level-grid.ts';
import { RESULTS_COARSE_FACTOR } from '../../engine/proposal-check.ts';
import { useRadioScene } from '../use-radio-scene.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { CancelledError, type LayerResult, type Progress } from '../../../workers/engine-client.ts';
import { ResultHeatmap } from './ResultHeatmap.tsx';
import { SelectField } from '../components/Fields.tsx';

type Status = { kind: 'idle' } | { kind: 'running'; progress: Progress } | { kind: 'done' } | { kind: 'cancelled' } | { kind: 'error'; message: string };

const percent = (value: number | null) => (value === null ? t('results.notRequired') : `${formatNumber(value * 100, 1)} %`);

/** Predicted RSSI map and per-zone requirement shares, computed by the engine workers. */
export function PredictedCoverage({ document }: { document: ProjectDocument }) {
  const bands = bandsInUse(document);
  const [levelId, setLevelId] = useState(document.levels[0]?.id ?? '');
  const [band, setBand] = useState<BandId>(bands.includes('5') ? '5' : (bands[0] ?? '5'));
  const [result, setResult] = useState<LayerResult | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const scene = useRadioScene(document);
  const level = document.levels.find((candidate) => candidate.id === levelId);

  useEffect(() => {
    if (!level || bands.length === 0) return;
    let grid;
    try {
      grid = levelGrid(document, level.id);
    } catch (error) {
      setStatus({ kind: 'error', message: (error as Error).message });
      return;
    }
    let live = true;
    setStatus({ kind: 'running', progress: { done: 0, total: 0 } });
    const client = engine();
    void client
      .setScene(scene)
      .then(() =>
        client.compute(
          layerRequest(document, level.id, band, 'rssi', grid, RESULTS_COARSE_FACTOR),
          (next) => live && setResult(next),
          (progress) => live && setStatus({ kind: 'running', progress }),
        ),
      )
      .then(() => live && setStatus({ kind: 'done' }))
      .catch((error: unknown) => {
        if (!live) return;
        setStatus(error instanceof CancelledError ? { kind: 'cancelled' } : { kind: 'error', message: (error as Error).message });
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recompute when the scene, the zones, the level or the band change
  }, [scene, document.coverageZones, document.requirementProfiles, document.interferenceSources, level?.id, band]);

  if (bands.length === 0) return <p>{t('results.noAps')}</p>;
  const zoneNames = new Map(document.coverageZones.map((zone) => [zone.id, zone]));
  const profileNames = new Map(document.requirementProfiles.map((profile) => [profile.id, profile.name]));
  return (
    <section aria-labelledby="predicted-title" className="predicted">
      <h2 id="predicted-title">{t('results.predicted')}</h2>
      <p className="muted">{t('results.predictedIntro', { threads: engine().threads, resolution: document.prediction.gridResolutionM })}</p>
      <div className="toolbar">
        <SelectField label={t('results.level')} value={levelId} options={document.levels.map((candidate) => ({ value: candidate.id, label: candidate.name }))} onChange={setLevelId} />
        <SelectField label={t('results.band')} value={band} options={bands.map((value) => ({ value, label: t('results.bandLabel', { band: value.replace('.', ',') }) }))} onChange={(value) => setBand(value as BandId)} />
      </div>
      <div role="status" className="engine-status" data-testid="engine-status">
        {status.kind === 'running' && (
          <>
            {result?.coarse ? t('results.coarse') : t('results.computing', { done: status.progress.done, total: status.progress.total })}{' '}
            <progress max={Math.max(1, status.progress.total)} value={status.progress.done} />{' '}
            <button type="button" onClick={() => engine().cancel()}>
              {t('results.cancel')}
            </button>
          </>
        )}
        {status.kind === 'done' && result && t('results.computed', { cells: result.values.length, radios: result.radioIds.length })}
        {status.kind === 'cancelled' && t('results.cancelled')}
        {status.kind === 'error' && <span role="alert">{status.message}</span>}
      </div>
      {result && level && <Heatmap document={document} result={result} label={t('results.heatmapLabel', { level: level.name, band: band.replace('.', ',') })} />}
      {result && result.zones.length > 0 && (
        <table className="data-table" data-testid="zone-coverage">
          <caption>{t('results.zonesTitle')}</caption>
          <thead>
            <tr>
              {(['zone', 'profile', 'area', 'primary', 'secondary', 'snr', 'coChannel', 'rate', 'all'] as const).map((key) => (
                <th key={key} scope="col" className={key === 'zone' || key === 'profile' ? undefined : 'num'}>
                  {t(`results.zoneColumns.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.zones.map(({ id, statistics }) => {
              const zone = zoneNames.get(id);
              return (
                <tr key={id}>
                  <th scope="row">{zone?.name ?? id}</th>
                  <td>{profileNames.get(zone?.requirementProfileId ?? '') ?? '—'}</td>
                  <td className="num">{formatNumber(statistics.areaM2, 1)}</td>
                  <td className="num">{percent(statistics.primary)}</td>
                  <td className="num">{percent(statistics.secondary)}</td>
                  <td className="num">{percent(statistics.snr)}</td>
                  <td className="num">{percent(statistics.coChannel)}</td>
                  <td className="num">{percent(statistics.rate)}</td>
                  <td className="num">{percent(statistics.all)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Heatmap({ document, result, label }: { document: ProjectDocument; result: LayerResult; label: string }) {
  const scale = DEFAULT_SCALES.rssi;
  const stops = scale.stops.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ');
  return (
    <ResultHeatmap document={document} result={result} scale={scale} label={label}>
      <span>{t('results.legendRssi')}</span>
      <span className="legend-bar" style={{ background: `linear-gradient(to right, ${stops})` }} aria-hidden="true" />
      <span className="legend-ends">
        <span>{formatNumber(scale.min)}</span>
        <span>{formatNumber(scale.max)}</span>
      </span>
    </ResultHeatmap>
  );
}
