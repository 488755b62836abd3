import { useState } from 'react';
import { t } from '../../i18n/index.ts';

/** Any quarter's activity statement (§2.9), downloaded straight from the portal. */
export function StatementPicker({ initial }: { initial: { year: number; quarter: number } }) {
  const [year, setYear] = useState(initial.year);
  const [quarter, setQuarter] = useState(initial.quarter);
  const years = Array.from({ length: 6 }, (_, index) => initial.year - 4 + index);
  return (
    <section className="panel inline-form" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('tracking.statements.title')}</h2>
      <p className="muted">{t('tracking.statements.intro')}</p>
      <div className="field">
        <label htmlFor="statement-year">{t('tracking.statements.year')}</label>
        <select id="statement-year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((value) => (
            <option key={value} value={value}>
              {String(value)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="statement-quarter">{t('tracking.statements.quarter')}</label>
        <select id="statement-quarter" value={quarter} onChange={(event) => setQuarter(Number(event.target.value))}>
          {[1, 2, 3, 4].map((value) => (
            <option key={value} value={value}>
              {t('tracking.statements.quarterName', { quarter: value })}
            </option>
          ))}
        </select>
      </div>
      <a className="button" href={`/api/statements/${year}/${quarter}`} download>
        {t('tracking.statements.download')}
      </a>
    </section>
  );
}
