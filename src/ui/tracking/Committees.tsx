import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { portal, type PortalCommittee, type PortalUser } from '../../portal/portal-client.ts';
import { toFrenchDate as frenchDay } from '../../i18n/french-date.ts';
import { DateInput } from '../components/DateInput.tsx';
import { FileButton } from '../components/FileButton.tsx';

/** The committees (§3): planning (manager), minutes (contractor), validation (administration), each PDF previewed. */
export function Committees({ user, onChange }: { user: PortalUser; onChange: () => void }) {
  const [committees, setCommittees] = useState<PortalCommittee[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);
  const load = useCallback(() => {
    portal
      .committees()
      .then(setCommittees)
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  useEffect(load, [load]);
  const changed = useCallback(() => {
    setError(null);
    load();
    onChange();
  }, [load, onChange]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);
  const failed = (caught: unknown) => setError((caught as Error).message);
  const contractor = user.organisation.kind === 'titulaire';
  const mayWrite = contractor && (user.role === 'gestionnaire' || user.role === 'ingenieur');
  const mayValidate = (committee: PortalCommittee) => user.organisation.kind === 'administration' && (user.role === 'relecteur' || (user.role === 'correspondant' && committee.kind === 'exploitation'));
  const name = (committee: PortalCommittee) => (committee.dit ? t('tracking.committees.kindWithDit', { kind: t(`tracking.committees.kinds.${committee.kind}`), dit: committee.dit }) : t(`tracking.committees.kinds.${committee.kind}`));

  return (
    <section className="panel committees" aria-labelledby="committees-title" data-testid="committees">
      <h2 id="committees-title">{t('tracking.committees.title')}</h2>
      <p className="muted">{t('tracking.committees.intro')}</p>
      {error && <p role="alert">{error}</p>}
      {committees && committees.length === 0 && <p>{t('tracking.committees.none')}</p>}
      {committees && committees.length > 0 && (
        <table className="data-table">
          <caption>{t('tracking.committees.caption', { count: committees.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tracking.committees.columns.date')}</th>
              <th scope="col">{t('tracking.committees.columns.committee')}</th>
              <th scope="col">{t('tracking.committees.columns.deadlines')}</th>
              <th scope="col">{t('tracking.committees.columns.status')}</th>
              <th scope="col">{t('tracking.committees.columns.minutes')}</th>
            </tr>
          </thead>
          <tbody>
            {committees.map((committee) => (
              <tr key={committee.id}>
                <td>{frenchDay(committee.heldOn)}</td>
                <th scope="row">
                  {name(committee)}
                  {committee.agenda && <div className="muted agenda">{committee.agenda}</div>}
                </th>
                <td>
                  {committee.agendaDue && <div>{t('tracking.committees.agendaDue', { date: frenchDay(committee.agendaDue) })}</div>}
                  <div>{t('tracking.committees.minutesDue', { date: frenchDay(committee.minutesDue) })}</div>
                </td>
                <td>
                  {t(`tracking.committees.statuses.${committee.status}`)}
                  {committee.minutesLate && <strong className="late"> ({t('tracking.committees.late')})</strong>}
                  {committee.remarks && committee.status !== 'valide' && <div className="muted">{t('tracking.committees.previousRemarks', { remarks: committee.remarks })}</div>}
                </td>
                <td>
                  {committee.minutes && (
                    <button type="button" className="link-button" onClick={() => void portal.minutes(committee.id).then((blob) => setPreview({ name: committee.minutes!.name, url: URL.createObjectURL(blob) })).catch(failed)}>
                      {committee.minutes.name}
                    </button>
                  )}
                  {mayWrite && committee.status !== 'planifie' && committee.status !== 'valide' && (
                    <FileButton label={t('tracking.committees.upload')} accept="application/pdf,.pdf" onFile={(bytes, name) => void portal.uploadMinutes(committee.id, bytes, name).then(changed).catch(failed)} />
                  )}
                  {mayValidate(committee) && committee.status === 'soumis' && <MinutesDecision id={committee.id} onDone={changed} onError={failed} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview && (
        <figure className="pdf-preview">
          <figcaption>{t('tracking.previewOf', { name: preview.name })}</figcaption>
          <iframe title={t('tracking.previewOf', { name: preview.name })} src={preview.url} />
        </figure>
      )}
      {contractor && user.role === 'gestionnaire' && <PlanCommittee onDone={changed} onError={failed} />}
    </section>
  );
}

function MinutesDecision({ id, onDone, onError }: { id: string; onDone: () => void; onError: (error: unknown) => void }) {
  const [remarks, setRemarks] = useState('');
  const decide = (decision: 'valide' | 'observations') => void portal.decideMinutes(id, decision, remarks).then(onDone).catch(onError);
  return (
    <div className="minutes-decision">
      <button type="button" className="primary" onClick={() => decide('valide')}>
        {t('tracking.committees.validate')}
      </button>
      <div className="field">
        <label htmlFor={`remarks-${id}`}>{t('tracking.committees.remarks')}</label>
        <textarea id={`remarks-${id}`} rows={2} value={remarks} onChange={(event) => setRemarks(event.target.value)} />
      </div>
      <button type="button" onClick={() => decide('observations')}>
        {t('tracking.committees.observe')}
      </button>
    </div>
  );
}

function PlanCommittee({ onDone, onError }: { onDone: () => void; onError: (error: unknown) => void }) {
  const [kind, setKind] = useState<PortalCommittee['kind']>('pilotage');
  const [dit, setDit] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [agenda, setAgenda] = useState('');
  return (
    <form
      className="inline-form plan-committee"
      onSubmit={(event) => {
        event.preventDefault();
        portal
          .planCommittee({ kind, dit, heldOn, agenda })
          .then(() => {
            setAgenda('');
            onDone();
          })
          .catch(onError);
      }}
    >
      <h3>{t('tracking.committees.plan')}</h3>
      <div className="field">
        <label htmlFor="committee-kind">{t('tracking.committees.kind')}</label>
        <select id="committee-kind" value={kind} onChange={(event) => setKind(event.target.value as PortalCommittee['kind'])}>
          {(['pilotage', 'exploitation'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`tracking.committees.kinds.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'exploitation' && (
        <div className="field">
          <label htmlFor="committee-dit">{t('tracking.committees.dit')}</label>
          <input id="committee-dit" type="text" required value={dit} onChange={(event) => setDit(event.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor="committee-date">{t('tracking.committees.heldOn')}</label>
        <DateInput id="committee-date" required value={heldOn} onChange={setHeldOn} />
      </div>
      <div className="field agenda-field">
        <label htmlFor="committee-agenda">{t('tracking.committees.agenda')}</label>
        <textarea id="committee-agenda" rows={2} value={agenda} onChange={(event) => setAgenda(event.target.value)} />
      </div>
      <button type="submit">{t('tracking.committees.create')}</button>
    </form>
  );
}
