import { BAND_WIDTHS_MHZ, type BandId, type ChannelWidthMHz } from '../../../../propagation/radio/channels.ts';
import type { ProposalSettings } from '../../../engine/proposal-input.ts';
import { formatNumber, t } from '../../../i18n/index.ts';
import type { ApModel } from '../../../model/schema.ts';
import { CommitField, SelectField } from '../../components/Fields.tsx';

interface Props {
  settings: ProposalSettings;
  models: readonly ApModel[];
  onChange: (settings: ProposalSettings) => void;
}

/** Widths the channel plan can fill: without DFS, 5 GHz has no 160 MHz block in Europe (36–64 needs 52–64). */
export function widthChoices(band: BandId, allowDfs: boolean): readonly ChannelWidthMHz[] {
  return band === '5' && !allowDfs ? BAND_WIDTHS_MHZ['5'].filter((width) => width < 160) : BAND_WIDTHS_MHZ[band];
}

/** Parses a French or English decimal within bounds; null when it is not one. */
function parseBounded(text: string, min: number, max: number): number | null {
  const value = Number(text.replace(',', '.').trim());
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/** Mounting rules and radio settings of the automatic placement, prefilled from the level. */
export function ProposalSettingsForm({ settings, models, onChange }: Props) {
  const numberField = (label: string, value: number, min: number, max: number, apply: (value: number) => ProposalSettings) => (
    <CommitField
      label={label}
      type="number"
      step={0.1}
      value={String(value)}
      onCommit={(text) => {
        const parsed = parseBounded(text, min, max);
        if (parsed !== null) onChange(apply(parsed));
      }}
    />
  );
  const setDfs = (allowDfs: boolean) => {
    const widths = { ...settings.widthMHz };
    if (!widthChoices('5', allowDfs).includes(widths['5'])) widths['5'] = 80;
    onChange({ ...settings, allowDfs, widthMHz: widths });
  };
  return (
    <details className="proposal-settings" data-testid="proposal-settings">
      <summary>{t('results.proposal.settings.title')}</summary>
      <div className="field-grid">
        <SelectField
          label={t('results.proposal.settings.model')}
          value={settings.model.id}
          options={models.map((model) => ({ value: model.id, label: `${model.vendor} ${model.model}` }))}
          onChange={(id) => onChange({ ...settings, model: models.find((model) => model.id === id) ?? settings.model })}
        />
        {numberField(t('results.proposal.settings.height'), settings.mountingHeightM, 1, 20, (value) => ({ ...settings, mountingHeightM: value }))}
        {settings.model.bands.map((band) => (
          <SelectField
            key={`width-${band}`}
            label={t('results.proposal.settings.width', { band: band.replace('.', ',') })}
            value={String(settings.widthMHz[band])}
            options={widthChoices(band, settings.allowDfs).map((width) => ({ value: String(width), label: t('units.mhz', { value: width }) }))}
            onChange={(value) => onChange({ ...settings, widthMHz: { ...settings.widthMHz, [band]: Number(value) as ChannelWidthMHz } })}
          />
        ))}
        {settings.model.bands.map((band) => (
          <div key={`power-${band}`}>
            {numberField(t('results.proposal.settings.power', { band: band.replace('.', ','), max: formatNumber(settings.model.maxTxPowerDbm[band]) }), settings.powerDbm[band], -10, settings.model.maxTxPowerDbm[band] || 30, (value) => ({
              ...settings,
              powerDbm: { ...settings.powerDbm, [band]: value },
            }))}
          </div>
        ))}
        {numberField(t('results.proposal.settings.minApDistance'), settings.minApDistanceM, 0, 100, (value) => ({ ...settings, minApDistanceM: value }))}
        {numberField(t('results.proposal.settings.minWallDistance'), settings.minWallDistanceM, 0, 10, (value) => ({ ...settings, minWallDistanceM: value }))}
        {numberField(t('results.proposal.settings.targetShare'), Math.round(settings.targetShare * 1000) / 10, 50, 100, (value) => ({ ...settings, targetShare: value / 100 }))}
        <label className="checkbox checkbox-field">
          <input type="checkbox" checked={settings.powerPlan} onChange={(event) => onChange({ ...settings, powerPlan: event.target.checked })} /> {t('results.proposal.settings.powerPlan')}
        </label>
        {settings.model.bands.length > 1 && (
          <label className="checkbox checkbox-field">
            <input type="checkbox" checked={settings.turnOffRedundant} onChange={(event) => onChange({ ...settings, turnOffRedundant: event.target.checked })} /> {t('results.proposal.settings.turnOffRedundant')}
          </label>
        )}
        {settings.model.bands.includes('5') && (
          <label className="checkbox checkbox-field">
            <input type="checkbox" checked={settings.allowDfs} onChange={(event) => setDfs(event.target.checked)} /> {t('results.proposal.settings.dfs')}
          </label>
        )}
      </div>
    </details>
  );
}
