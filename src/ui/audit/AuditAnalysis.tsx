import { useMemo, useState } from 'react';
import { predict, type CrossValidation } from '../../../propagation/calibration/fit-model.ts';
import { errorStats, type ErrorStats } from '../../../propagation/survey/error-stats.ts';
import { applyCalibration } from '../../audit/audit-actions.ts';
import { auditObservations, calibrationOptions, physicalApKey } from '../../audit/survey-observations.ts';
import { surveyMismatch } from '../../audit/survey-mismatch.ts';
import { useServices } from '../../app/app-services.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Band, ProjectDocument } from '../../model/schema.ts';
import { summariseSurveys } from '../../report/survey-summary.ts';

const FOLDS = 5;
/** An AP whose measured level is this far below the prediction on average is reported as weaker than designed. */
const WEAKER_THAN_DESIGNED_DB = 5;
const n1 = (value: number) => (Number.isFinite(value) ? formatNumber(value, 1) : '—');

function StatsTable({ caption, rows, testId }: { caption: string; rows: { label: string; stats: ErrorStats }[]; testId: string }) {
  return (
    <table className="data-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {(['name', 'count', 'mean', 'mae', 'rmse', 'sd'] as const).map((key) => (
            <th key={key} scope="col" className={key === 'name' ? undefined : 'num'}>
              {t(`audit.stats.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ label, stats }) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{stats.count}</td>
            <td className="num">{n1(stats.meanDb)}</td>
            <td className="num">{n1(stats.maeDb)}</td>
            <td className="num">{n1(stats.rmseDb)}</td>
            <td className="num">{n1(stats.sdDb)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Predicted vs measured per AP and per zone, neighbours heard, and calibration with held-out error before/after. */
export function AuditAnalysis({ document, levelId, band }: { document: ProjectDocument; levelId: string; band: Band }) {
  const { documents } = useServices();
  const audit = useMemo(() => auditObservations(document, levelId, band), [document, levelId, band]);
  const [calibration, setCalibration] = useState<{ result: CrossValidation; running: false } | { running: true } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { observations, aps, prior, materialIds, slabMaterialIds } = audit;
  const options = useMemo(() => calibrationOptions(audit), [audit]);
  const predicted = observations.map((observation) => predict(prior, observation));
  const measured = observations.map((observation) => observation.measuredDbm);
  const mismatch = surveyMismatch({ ...audit.readings, measuredDbm: measured, predictedDbm: predicted });
  const perAp = aps.map((ap, index) => ({ label: ap.name, stats: errorStats(measured.filter((_, i) => observations[i]!.ap === index), predicted.filter((_, i) => observations[i]!.ap === index)) })).filter((row) => row.stats.count > 0);
  const zones = document.coverageZones.filter((zone) => zone.levelId === levelId);
  const perZone = zones.map((zone) => ({ label: zone.name, stats: errorStats(measured.filter((_, i) => audit.zoneOf[i] === zone.id), predicted.filter((_, i) => audit.zoneOf[i] === zone.id)) })).filter((row) => row.stats.count > 0);
  const materialName = (id: string) => document.materials.find((material) => material.id === id)?.name ?? id;

  const calibrate = () => {
    setError(null);
    setCalibration({ running: true });
    void engine()
      .calibrate(observations, prior, options, FOLDS)
      .then((result) => setCalibration({ result, running: false }))
      .catch((caught: unknown) => {
        setCalibration(null);
        setError((caught as Error).message);
      });
  };

  return (
    <section aria-labelledby="audit-compare-title">
      <h2 id="audit-compare-title">{t('audit.compare.title')}</h2>
      {observations.length === 0 ? (
        <p className="muted">{t('audit.compare.none')}</p>
      ) : (
        <>
          <p className="muted">{t('audit.compare.explain', { count: formatNumber(observations.length) })}</p>
          {mismatch.warnings.length > 0 && (
            <div className="notice warning" role="alert" data-testid="survey-mismatch">
              <strong>{t('audit.mismatch.title')}</strong>
              <ul>
                {mismatch.warnings.map((warning) => (
                  <li key={warning}>
                    {t(`audit.mismatch.${warning}`, {
                      unknown: formatNumber(mismatch.unknownBssid),
                      total: formatNumber(mismatch.withBssid),
                      count: mismatch.withoutBssid,
                      mean: n1(mismatch.meanErrorDb ?? 0),
                      rmse: n1(mismatch.rmseDb ?? 0),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <StatsTable caption={t('audit.compare.all')} rows={[{ label: t('audit.compare.allRow'), stats: errorStats(measured, predicted) }]} testId="audit-all" />
          <StatsTable caption={t('audit.compare.perAp')} rows={perAp} testId="audit-per-ap" />
          {perZone.length > 0 && <StatsTable caption={t('audit.compare.perZone')} rows={perZone} testId="audit-per-zone" />}
          <h3>{t('audit.calibration.title')}</h3>
          <p className="muted">{t('audit.calibration.explain', { folds: FOLDS })}</p>
          <button type="button" onClick={calibrate} disabled={calibration?.running === true}>
            {calibration?.running ? t('audit.calibration.running') : t('audit.calibration.run')}
          </button>
          {error && <p role="alert">{error}</p>}
          {calibration && !calibration.running && (
            <div data-testid="calibration-result">
              <p>
                <strong>{t('audit.calibration.heldOut', { before: n1(calibration.result.before.rmseDb), after: n1(calibration.result.after.rmseDb), count: formatNumber(calibration.result.after.count) })}</strong>
              </p>
              <p data-testid="calibration-by-ap">
                {calibration.result.byAp.aps >= 2
                  ? t('audit.calibration.heldOutByAp', { before: n1(calibration.result.byAp.before.rmseDb), after: n1(calibration.result.byAp.after.rmseDb), aps: calibration.result.byAp.aps })
                  : t('audit.calibration.heldOutByApNone')}
              </p>
              {options.shareApLevels && <p className="muted">{t('audit.calibration.sharedOffset')}</p>}
              <p className="muted">{t('audit.calibration.inSample', { rmse: n1(calibration.result.inSample.rmseDb) })}</p>
              <table className="data-table">
                <caption>{t('audit.calibration.values')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.calibration.parameter')}</th>
                    <th scope="col" className="num">{t('audit.calibration.before')}</th>
                    <th scope="col" className="num">{t('audit.calibration.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('audit.calibration.exponent')}</th>
                    <td className="num">{formatNumber(prior.exponent, 2)}</td>
                    <td className="num">{formatNumber(calibration.result.fitted.exponent, 2)}</td>
                  </tr>
                  {materialIds.map((id, index) => (
                    <tr key={id}>
                      <th scope="row">{t('audit.calibration.material', { name: materialName(id) })}</th>
                      <td className="num">{n1(prior.materialLossDb[index]!)}</td>
                      <td className="num">{n1(calibration.result.fitted.materialLossDb[index]!)}</td>
                    </tr>
                  ))}
                  {slabMaterialIds.map((id, index) =>
                    options.fitSlabs?.[index] ? (
                      <tr key={`dalle-${id}`}>
                        <th scope="row">{t('audit.calibration.slab', { name: materialName(id) })}</th>
                        <td className="num">{n1(prior.slabLossDb?.[index] ?? 0)}</td>
                        <td className="num">{n1(calibration.result.fitted.slabLossDb?.[index] ?? 0)}</td>
                      </tr>
                    ) : null,
                  )}
                  {aps.map((ap, index) => (
                    <tr key={ap.id}>
                      <th scope="row">{t('audit.calibration.apOffset', { name: ap.name })}</th>
                      <td className="num">0</td>
                      <td className="num">{n1(calibration.result.fitted.apLevelDbm[index]! - prior.apLevelDbm[index]!)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const action = applyCalibration(band, aps.map((ap) => ap.id), materialIds, prior, calibration.result.fitted, t('audit.calibration.applyLabel'), slabMaterialIds);
                  documents.getState().change(action.label, action.recipe);
                  setCalibration(null);
                }}
              >
                {t('audit.calibration.apply')}
              </button>
            </div>
          )}
        </>
      )}
      <AuditConclusions document={document} levelId={levelId} band={band} perAp={perAp} unknown={audit.unknown} />
      {audit.unknown.size > 0 && <Neighbours unknown={audit.unknown} />}
    </section>
  );
}

/** What the audit concludes on this level and band: zones meeting their requirement by measurement, APs heard
 * weaker than designed, neighbour networks on our channels. */
function AuditConclusions({ document, levelId, band, perAp, unknown }: { document: ProjectDocument; levelId: string; band: Band; perAp: { label: string; stats: ErrorStats }[]; unknown: ReturnType<typeof auditObservations>['unknown'] }) {
  const ourSsids = new Set(document.ssids.map((ssid) => ssid.name));
  const summary = summariseSurveys(document, ourSsids);
  const zones = summary.zones.filter((check) => check.band === band && document.coverageZones.some((zone) => zone.id === check.zoneId && zone.levelId === levelId));
  const zoneName = (id: string) => document.coverageZones.find((zone) => zone.id === id)?.name ?? id;
  const weak = perAp.filter((row) => row.stats.count >= 3 && row.stats.meanDb <= -WEAKER_THAN_DESIGNED_DB);
  const ourChannels = new Set(document.accessPoints.filter((ap) => ap.levelId === levelId).flatMap((ap) => ap.radios.filter((radio) => radio.enabled && radio.band === band).map((radio) => radio.channel)));
  const sameChannel = [...unknown.entries()].filter(([, entry]) => entry.channel !== null && ourChannels.has(entry.channel));
  return (
    <section aria-labelledby="audit-conclusions-title" data-testid="audit-conclusions">
      <h3 id="audit-conclusions-title">{t('audit.conclusions.title')}</h3>
      <ul>
        {/* A zone can have one check per survey dataset, and two APs can share a name: keys carry the position. */}
        {zones.map((check, index) => (
          <li key={`zone-${index}-${check.zoneId}`}>
            {t(check.meetingPrimary === check.measuredPoints ? 'audit.conclusions.zoneMeets' : 'audit.conclusions.zoneFails', { zone: zoneName(check.zoneId), meeting: check.meetingPrimary, points: check.measuredPoints, threshold: check.thresholdDbm })}
          </li>
        ))}
        {zones.length === 0 && <li>{t('audit.conclusions.noZone')}</li>}
        {weak.map((row, index) => (
          <li key={`weak-${index}-${row.label}`}>{t('audit.conclusions.weakAp', { name: row.label, mean: formatNumber(-row.stats.meanDb, 1) })}</li>
        ))}
        {sameChannel.length > 0 && <li>{t('audit.conclusions.sameChannel', { count: sameChannel.length, list: sameChannel.slice(0, 5).map(([bssid, entry]) => `${entry.ssid || bssid} (c.${entry.channel})`).join(', ') })}</li>}
      </ul>
    </section>
  );
}

const GROUPINGS = [10, 11, 12] as const;

/** Networks heard that are not the project's, grouped into physical APs by a BSSID prefix rule the user picks. */
function Neighbours({ unknown }: { unknown: ReturnType<typeof auditObservations>['unknown'] }) {
  const [digits, setDigits] = useState<number>(10);
  const groups = new Map<string, { bssids: string[]; ssids: Set<string>; channels: Set<number>; bestDbm: number; count: number }>();
  for (const [bssid, entry] of unknown) {
    const key = physicalApKey(bssid, digits);
    const group = groups.get(key) ?? { bssids: [], ssids: new Set(), channels: new Set(), bestDbm: -200, count: 0 };
    group.bssids.push(bssid);
    if (entry.ssid) group.ssids.add(entry.ssid);
    if (entry.channel !== null) group.channels.add(entry.channel);
    group.bestDbm = Math.max(group.bestDbm, entry.bestDbm);
    group.count += entry.count;
    groups.set(key, group);
  }
  const rows = [...groups.values()].sort((a, b) => b.bestDbm - a.bestDbm);
  return (
    <>
      <h3>{t('audit.neighbours.title')}</h3>
      <label>
        {t('audit.neighbours.grouping')}{' '}
        <select value={digits} onChange={(event) => setDigits(Number(event.target.value))}>
          {GROUPINGS.map((value) => (
            <option key={value} value={value}>
              {t(`audit.neighbours.rule${value}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{t('audit.neighbours.summary', { bssids: unknown.size, aps: rows.length })}</p>
      <table className="data-table" data-testid="audit-neighbours">
        <thead>
          <tr>
            <th scope="col">{t('audit.neighbours.ap')}</th>
            <th scope="col">SSID</th>
            <th scope="col">{t('audit.neighbours.channel')}</th>
            <th scope="col" className="num">{t('audit.neighbours.best')}</th>
            <th scope="col" className="num">{t('audit.neighbours.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 50).map((row) => (
            <tr key={row.bssids[0]}>
              <th scope="row">{row.bssids.length > 1 ? t('audit.neighbours.group', { first: row.bssids[0]!, more: row.bssids.length - 1 }) : row.bssids[0]}</th>
              <td>{[...row.ssids].join(', ') || '—'}</td>
              <td>{[...row.channels].sort((a, b) => a - b).join(', ') || '—'}</td>
              <td className="num">{formatNumber(row.bestDbm)}</td>
              <td className="num">{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
