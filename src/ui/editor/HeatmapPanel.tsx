import type { LayerName, RoamingClient } from '../../../propagation/layers/band-layers.ts';
import { SOURCE_SCALE, type ColourScale } from '../../../propagation/layers/colour-scale.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';
import { engine } from '../../engine/engine-singleton.ts';
import type { HeatmapStatus } from './use-live-heatmap.ts';
import { REQUIREMENT_CODES } from '../../../propagation/layers/zone-statistics.ts';

export const EDITOR_LAYERS: LayerName[] = ['rssi', 'requirement', 'second', 'third', 'snr', 'sinr', 'rate', 'overlap', 'channel-overlap', 'adjacent-channel', 'roaming', 'serving'];

export interface HeatmapSettings {
  visible: boolean;
  band: BandId;
  layer: LayerName;
  opacity: number;
  scale: ColourScale;
  /** Show the non-Wi-Fi sources' level instead of the Wi-Fi layer. */
  sources: boolean;
  /** Client of the roaming layer. */
  roaming: RoamingClient;
  /** Clip the map to the building's outline (the walls' hull) rather than showing it over the whole sheet. */
  clipToBuilding: boolean;
}

interface Props {
  document: ProjectDocument;
  bands: BandId[];
  settings: HeatmapSettings;
  onChange: (patch: Partial<HeatmapSettings>) => void;
  result: LayerResult | null;
  status: HeatmapStatus;
}

const percent = (value: number | null) => (value === null ? '—' : `${formatNumber(value * 100, 1)} %`);

/** Heatmap controls: on/off, band, layer, opacity, colour-scale bounds with the legend, and zone compliance. */
export function HeatmapPanel({ document, bands, settings, onChange, result, status }: Props) {
  const scale = settings.sources ? SOURCE_SCALE : settings.scale;
  const stops = scale.stops.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ');
  const zones = new Map(document.coverageZones.map((zone) => [zone.id, zone]));
  return (
    <section className="panel heatmap-panel" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t('editor.heatmap.title')}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={settings.visible} onChange={(event) => onChange({ visible: event.target.checked })} data-testid="heatmap-toggle" />
        {t('editor.heatmap.show')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={settings.clipToBuilding} onChange={(event) => onChange({ clipToBuilding: event.target.checked })} />
        {t('editor.heatmap.clipToBuilding')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={settings.sources} onChange={(event) => onChange({ sources: event.target.checked })} data-testid="sources-toggle" />
        {t('editor.heatmap.sources', { count: document.interferenceSources.length })}
      </label>
      <div className="field-row band-and-layer">
        <div className="field">
          <label htmlFor="heatmap-band">{t('editor.heatmap.band')}</label>
          <select id="heatmap-band" value={settings.band} onChange={(event) => onChange({ band: event.target.value as BandId })}>
            {bands.map((band) => (
              <option key={band} value={band}>
                {band.replace('.', ',')} GHz
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="heatmap-layer">{t('editor.heatmap.layer')}</label>
          <select id="heatmap-layer" value={settings.layer} onChange={(event) => onChange({ layer: event.target.value as LayerName })} data-testid="heatmap-layer">
            {EDITOR_LAYERS.map((layer) => (
              <option key={layer} value={layer}>
                {t(`editor.heatmap.layers.${layer}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {settings.layer === 'roaming' && !settings.sources && (
        <div className="field-row" data-testid="roaming-client">
          <label>
            {t('editor.heatmap.roamingCandidate')}
            <input type="number" min={-95} max={-40} step={1} value={settings.roaming.candidateDbm} onChange={(event) => Number.isFinite(Number(event.target.value)) && event.target.value !== '' && onChange({ roaming: { ...settings.roaming, candidateDbm: Number(event.target.value) } })} />
          </label>
          <label>
            {t('editor.walk.hysteresis')}
            <input type="number" min={0} max={20} step={1} value={settings.roaming.hysteresisDb} onChange={(event) => Number.isFinite(Number(event.target.value)) && event.target.value !== '' && onChange({ roaming: { ...settings.roaming, hysteresisDb: Math.max(0, Number(event.target.value)) } })} />
          </label>
        </div>
      )}
      <div className="field">
        <label htmlFor="heatmap-opacity">{t('editor.heatmap.opacity', { value: Math.round(settings.opacity * 100) })}</label>
        <input id="heatmap-opacity" type="range" min={0.1} max={1} step={0.05} value={settings.opacity} onChange={(event) => onChange({ opacity: Number(event.target.value) })} />
      </div>
      {settings.layer === 'requirement' && !settings.sources ? (
        <ul className="legend legend-codes" aria-label={t('editor.heatmap.legend')} data-testid="requirement-legend">
          {REQUIREMENT_CODES.map((code, index) => (
            <li key={code}>
              <span className="legend-swatch" style={{ background: `rgb(${scale.stops[index]!.join(', ')})` }} aria-hidden="true" /> {t(`editor.heatmap.requirementCodes.${code}`)}
            </li>
          ))}
        </ul>
      ) : (
      <div className="legend" aria-label={t('editor.heatmap.legend')}>
        <span className="legend-bar" style={{ background: `linear-gradient(to right, ${stops})` }} aria-hidden="true" />
        <div className="field-row">
          <label>
            {t('editor.heatmap.min')}
            <input type="number" value={scale.min} step={1} disabled={settings.sources} onChange={(event) => Number.isFinite(Number(event.target.value)) && Number(event.target.value) < scale.max && onChange({ scale: { ...scale, min: Number(event.target.value) } })} />
          </label>
          <label>
            {t('editor.heatmap.max')}
            <input type="number" value={scale.max} step={1} disabled={settings.sources} onChange={(event) => Number.isFinite(Number(event.target.value)) && Number(event.target.value) > scale.min && onChange({ scale: { ...scale, max: Number(event.target.value) } })} />
          </label>
        </div>
        <p className="muted">{settings.sources ? t('editor.heatmap.sourcesUnit') : t(`editor.heatmap.units.${settings.layer}`)}</p>
      </div>
      )}
      <div role="status" className="engine-status" data-testid="heatmap-status">
        {status.kind === 'running' && (
          <>
            {t('editor.heatmap.computing', { done: status.progress.done, total: status.progress.total })}{' '}
            <button type="button" onClick={() => engine().cancel()}>
              {t('results.cancel')}
            </button>
          </>
        )}
        {status.kind === 'done' && result && t('editor.heatmap.done', { cells: result.values.length })}
        {status.kind === 'error' && <span role="alert">{status.message}</span>}
      </div>
      {result && result.zones.length > 0 && (
        <table className="data-table" data-testid="editor-zone-coverage">
          <caption>{t('editor.heatmap.zones')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.zoneColumns.zone')}</th>
              <th scope="col" className="num">{t('results.zoneColumns.all')}</th>
            </tr>
          </thead>
          <tbody>
            {result.zones.map(({ id, statistics }) => (
              <tr key={id}>
                <th scope="row">{zones.get(id)?.name ?? id}</th>
                <td className="num">{percent(statistics.all)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
