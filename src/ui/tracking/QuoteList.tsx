import { useEffect, useState } from 'react';
import { formatEuros, t } from '../../i18n/index.ts';
import { portal, type PortalQuote, type PortalUser } from '../../portal/portal-client.ts';
import { toFrenchDate as frenchDay } from '../../i18n/french-date.ts';

/** The quotes the person may see, with their answer deadline; the manager starts a new one here. */
export function QuoteList({ user }: { user: PortalUser }) {
  const [quotes, setQuotes] = useState<PortalQuote[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    portal
      .quotes()
      .then(setQuotes)
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  return (
    <section className="panel quotes" aria-labelledby="quotes-title" data-testid="quotes">
      <h2 id="quotes-title">{t('tracking.quotes.title')}</h2>
      <p className="muted">{t('tracking.quotes.intro')}</p>
      {user.organisation.kind === 'titulaire' && user.role === 'gestionnaire' && (
        <p>
          <a className="button" href="#/suivi/nouveau-devis">
            {t('tracking.quotes.create')}
          </a>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {quotes && quotes.length === 0 && <p>{t('tracking.quotes.none')}</p>}
      {quotes && quotes.length > 0 && (
        <table className="data-table">
          <caption>{t('tracking.quotes.caption', { count: quotes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tracking.quotes.columns.number')}</th>
              <th scope="col">{t('tracking.quotes.columns.entity')}</th>
              <th scope="col">{t('tracking.quotes.columns.dit')}</th>
              <th scope="col">{t('tracking.quotes.columns.due')}</th>
              <th scope="col" className="num">{t('tracking.quotes.columns.total')}</th>
              <th scope="col">{t('tracking.quotes.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((quote) => (
              <tr key={quote.id}>
                <th scope="row">
                  <a href={`#/suivi/devis/${encodeURIComponent(quote.id)}`}>{quote.number}</a>
                </th>
                <td>{quote.entity_name}</td>
                <td>{quote.dit}</td>
                <td>
                  {t('tracking.quotes.dueValue', { requested: frenchDay(quote.requested_on), due: frenchDay(quote.dueOn) })}
                  {quote.late && <strong className="late"> ({t('tracking.quotes.late')})</strong>}
                </td>
                <td className="num">{formatEuros(quote.priced.totalHt)}</td>
                <td>{t(`tracking.quotes.statuses.${quote.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
