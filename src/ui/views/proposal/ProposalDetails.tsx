import type { Proposal } from '../../../../propagation/planning/propose-plan.ts';
import type { SignalDriver } from '../../../../propagation/planning/signal-requirement.ts';
import { formatNumber, t } from '../../../i18n/index.ts';
import type { ProposalCheck } from '../../../engine/proposal-check.ts';
import type { CoverageZone } from '../../../model/schema.ts';

interface Props {
  proposal: Proposal;
  zones: readonly CoverageZone[];
  /** Signal each zone was placed for (dBm) and which criterion set it. */
  signals: readonly { signalDbm: number; driver: SignalDriver }[];
  targetShare: number;
  /** Mounting areas of the level the APs were confined to (0 = anywhere in the zones). */
  mountingAreas: number;
  /** Zone statistics per band computed as « Résultats » computes them, on the study with the proposal applied. */
  check: ProposalCheck['bands'];
}

const percent = (value: number) => `${formatNumber(value * 100, 1)} %`;
const band = (value: string) => value.replace('.', ',');

/** Why the proposal looks as it does: per zone what set the AP count and the signal, then power, radios and channels. */
export function ProposalDetails({ proposal, zones, signals, targetShare, mountingAreas, check }: Props) {
  const reduced = proposal.powerReductionDb.map((reduction, index) => ({ reduction, index })).filter(({ reduction }) => reduction > 0);
  return (
    <>
      <p>{proposal.met ? t('results.proposal.met', { share: percent(targetShare) }) : t('results.proposal.notMet', { share: percent(targetShare) })}</p>
      <ul>
        {mountingAreas > 0 && <li>{t('results.proposal.mountingAreas', { count: mountingAreas })}</li>}
        {zones.map((zone, index) => (
          <li key={zone.id}>
            {t('results.proposal.zoneShare', { zone: zone.name, share: percent(proposal.zoneShares[index] ?? 0), signal: formatNumber(signals[index]?.signalDbm ?? 0, 1) })}{' '}
            {t(`results.proposal.signalDriver.${signals[index]?.driver ?? 'signal'}`)}{' '}
            {proposal.zoneDrivers[index] === 'capacite' ? t('results.proposal.drivenByCapacity', { users: zone.userCount }) : t('results.proposal.drivenByCoverage')}
            {(proposal.capacityShortfall[index] ?? 0) > 0 && <strong> {t('results.proposal.capacityShortfall', { count: proposal.capacityShortfall[index]! })}</strong>}
          </li>
        ))}
        {reduced.length > 0 && (
          <li>{t('results.proposal.power', { band: band(proposal.powerBand), list: reduced.map(({ reduction, index }) => `P${String(index + 1).padStart(2, '0')} −${reduction} dB`).join(', ') })}</li>
        )}
        {proposal.eirpCapped.length > 0 && (
          <li>{t('results.proposal.eirpCapped', { list: proposal.eirpCapped.map(({ band: name, index, reductionDb }) => `P${String(index + 1).padStart(2, '0')} ${band(name)} GHz −${formatNumber(reductionDb, 1)} dB`).join(', ') })}</li>
        )}
        {Object.entries(proposal.disabled).map(([name, off]) => (
          <li key={`off-${name}`}>{t('results.proposal.disabled', { band: band(name), count: off.length, total: proposal.positions.length })}</li>
        ))}
        {Object.entries(proposal.channels).map(([name, channels]) => (
          <li key={name}>{t('results.proposal.channels', { band: band(name), channels: channels.join(', ') })}</li>
        ))}
      </ul>
      <table className="data-table" data-testid="proposal-check">
        <caption>{t('results.proposal.check.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.proposal.check.zone')}</th>
            <th scope="col">{t('results.proposal.check.band')}</th>
            {(['primary', 'secondary', 'snr', 'coChannel', 'rate', 'all'] as const).map((key) => (
              <th key={key} scope="col" className="num">
                {t(`results.zoneColumns.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {check.flatMap((entry) =>
            zones.map((zone) => {
              const statistics = entry.zones.find((candidate) => candidate.id === zone.id)?.statistics;
              if (!statistics) return null;
              const cell = (value: number | null) => <td className={value !== null && value < targetShare ? 'num failing' : 'num'}>{value === null ? t('results.notRequired') : percent(value)}</td>;
              return (
                <tr key={`${entry.band}-${zone.id}`}>
                  <th scope="row">{zone.name}</th>
                  <td>{t('results.bandLabel', { band: band(entry.band) })}</td>
                  {cell(statistics.primary)}
                  {cell(statistics.secondary)}
                  {cell(statistics.snr)}
                  {cell(statistics.coChannel)}
                  {cell(statistics.rate)}
                  {cell(statistics.all)}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <p className="muted">{t('results.proposal.check.note')}</p>
    </>
  );
}
