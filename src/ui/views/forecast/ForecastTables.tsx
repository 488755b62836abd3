import { formatNumber, t } from '../../../i18n/index.ts';
import type { StudyForecast } from '../../../report/study-forecast.ts';

const percent = (value: number, digits = 1) => `${formatNumber(value * 100, digits)} %`;
const band = (value: string) => t('results.bandLabel', { band: value.replace('.', ',') });

export function ForecastTables({ forecast }: { forecast: StudyForecast }) {
  return (
    <div data-testid="forecast-tables">
      <table className="data-table" data-testid="forecast-radios">
        <caption>{t('results.forecast.radios.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.forecast.radios.ap')}</th>
            <th scope="col">{t('results.forecast.radios.level')}</th>
            <th scope="col">{t('results.forecast.radios.band')}</th>
            <th scope="col" className="num">{t('results.forecast.radios.channel')}</th>
            {forecast.thresholdsDbm.map((threshold) => (
              <th key={threshold} scope="col" className="num">
                {t('results.forecast.radios.served', { threshold: formatNumber(threshold) })}
              </th>
            ))}
            <th scope="col" className="num">{t('results.forecast.radios.clients')}</th>
            <th scope="col" className="num">{t('results.forecast.radios.airtime')}</th>
            <th scope="col" className="num">{t('results.forecast.radios.edgeRate')}</th>
            <th scope="col">{t('results.forecast.radios.ssids')}</th>
            <th scope="col" className="num">{t('results.forecast.radios.beacons')}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.radios.map((row) => (
            <tr key={row.radioId} className={row.overLimit ? 'over-limit' : undefined}>
              <th scope="row">{row.apName}</th>
              <td>{row.levelName}</td>
              <td>{band(row.band)}</td>
              <td className="num">{row.channel}</td>
              {row.servedAreaM2.map((area, index) => (
                <td key={index} className="num">
                  {formatNumber(area, 0)}
                </td>
              ))}
              <td className="num">{formatNumber(row.clients, 1)}</td>
              <td className={row.overLimit ? 'num failing' : 'num'} title={t('results.forecast.radios.limit', { limit: percent(row.airtimeLimit, 0) })}>
                {percent(row.airtime)} / {row.clients > 0 ? percent(row.airtimeLimit, 0) : '—'}
              </td>
              <td className="num">{formatNumber(row.edgeRateMbps, 0)}</td>
              <td>{row.ssids.join(', ') || '—'}</td>
              <td className="num">{percent(row.beaconOverhead)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="forecast-ssids">
        <caption>{t('results.forecast.ssids.caption')}</caption>
        <thead>
          <tr>
            {(['ssid', 'band', 'radios', 'served', 'clients', 'beacons'] as const).map((key) => (
              <th key={key} scope="col" className={key === 'ssid' || key === 'band' ? undefined : 'num'}>
                {t(`results.forecast.ssids.${key}`, { threshold: formatNumber(forecast.thresholdsDbm[0] ?? -67) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {forecast.ssids.map((row) => (
            <tr key={`${row.ssid}-${row.band}`}>
              <th scope="row">{row.ssid}</th>
              <td>{band(row.band)}</td>
              <td className="num">{row.radios}</td>
              <td className="num">{formatNumber(row.servedAreaM2, 0)}</td>
              <td className="num">{formatNumber(row.clients, 1)}</td>
              <td className="num">{percent(row.beaconOverhead, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table" data-testid="forecast-zones">
        <caption>{t('results.forecast.zones.caption')}</caption>
        <thead>
          <tr>
            {(['zone', 'level', 'band', 'share', 'users', 'airtime', 'needed', 'unserved'] as const).map((key) => (
              <th key={key} scope="col" className={key === 'zone' || key === 'level' || key === 'band' ? undefined : 'num'}>
                {t(`results.forecast.zones.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {forecast.zones.map((row) => (
            <tr key={`${row.zoneName}-${row.levelName}-${row.band}`}>
              <th scope="row">{row.zoneName}</th>
              <td>{row.levelName}</td>
              <td>{band(row.band)}</td>
              <td className="num">{percent(row.userShare, 0)}</td>
              <td className="num">{formatNumber(row.users, 1)}</td>
              <td className="num">{percent(row.airtime)}</td>
              <td className="num">{row.radiosNeeded}</td>
              <td className="num">{formatNumber(row.unservedUsers, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('results.forecast.method')}</p>
    </div>
  );
}
