import { useEffect, useState } from 'react';
import { downloadBytes } from '../../app/download.ts';
import { t } from '../../i18n/index.ts';
import { portal, type CatalogueService, type PortalOrder } from '../../portal/portal-client.ts';

/** The contractor fills the catalogue's intervention report of a non-Wi-Fi order and downloads it as a PDF. */
export function InterventionReportForm({ order }: { order: PortalOrder }) {
  const number = /^\s*(4\.\d(?:\.\d+)?)\b/.exec(order.service)?.[1];
  const [service, setService] = useState<CatalogueService | null>(null);
  const [done, setDone] = useState<number[]>([]);
  const [dates, setDates] = useState('');
  const [site, setSite] = useState('');
  const [observations, setObservations] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!number || number === '4.1.6') return;
    portal
      .catalogue()
      .then((catalogue) => setService(catalogue.services.find((entry) => entry.number === number) ?? null))
      .catch(() => setService(null));
  }, [number]);
  if (!service || service.tasks.items.length === 0) return null;
  return (
    <form
      className="panel intervention-report"
      aria-labelledby="intervention-title"
      onSubmit={(event) => {
        event.preventDefault();
        portal
          .interventionReport(order.id, { tasksDone: done, interventionDates: dates, site, observations })
          .then((report) => downloadBytes(report.bytes, report.name, 'application/pdf'))
          .catch((caught: unknown) => setError((caught as Error).message));
      }}
    >
      <h3 id="intervention-title">{t('tracking.intervention.title')}</h3>
      <p className="muted">{t('tracking.intervention.intro', { service: `${service.number} ${service.title}` })}</p>
      <fieldset>
        <legend>{t('tracking.intervention.tasks')}</legend>
        {service.tasks.items.map((task, index) => (
          <label key={task} className="checkbox">
            <input type="checkbox" checked={done.includes(index)} onChange={(event) => setDone(event.target.checked ? [...done, index] : done.filter((value) => value !== index))} />
            {task}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="intervention-dates">{t('tracking.intervention.dates')}</label>
          <input id="intervention-dates" value={dates} onChange={(event) => setDates(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="intervention-site">{t('tracking.intervention.site')}</label>
          <input id="intervention-site" value={site} onChange={(event) => setSite(event.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="intervention-observations">{t('tracking.intervention.observations')}</label>
        <textarea id="intervention-observations" rows={3} value={observations} onChange={(event) => setObservations(event.target.value)} />
      </div>
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('tracking.intervention.generate')}</button>
    </form>
  );
}
