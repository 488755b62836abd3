import { useState } from 'react';
import { t } from '../../i18n/index.ts';
import { portal, type PortalOrder } from '../../portal/portal-client.ts';
import { decimalText, parseDecimal } from './decimal-input.ts';

/** The contractor's progress on an order: a dated note, the days consumed, and « livré » when the work is done. */
export function ProgressForm({ order, onDone }: { order: PortalOrder; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [consumed, setConsumed] = useState(decimalText(order.consumed_days));
  const [delivered, setDelivered] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mayDeliver = order.status === 'en-cours' || order.status === 'refuse';
  return (
    <form
      className="panel"
      aria-labelledby="progress-title"
      onSubmit={(event) => {
        event.preventDefault();
        const days = parseDecimal(consumed);
        if (days === null) return setError(t('tracking.newOrder.numberHint'));
        portal
          .progress(order.id, note, days, delivered)
          .then(() => {
            setNote('');
            setDelivered(false);
            setError(null);
            onDone();
          })
          .catch((caught: unknown) => setError((caught as Error).message));
      }}
    >
      <h3 id="progress-title">{t('tracking.progress.title')}</h3>
      <div className="field">
        <label htmlFor="progress-note">{t('tracking.progress.note')}</label>
        <textarea id="progress-note" rows={2} required value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="progress-consumed">{t('tracking.progress.consumed')}</label>
        <input id="progress-consumed" type="text" inputMode="decimal" size={6} value={consumed} onChange={(event) => setConsumed(event.target.value)} />
      </div>
      {mayDeliver && (
        <label className="checkbox">
          <input type="checkbox" checked={delivered} onChange={(event) => setDelivered(event.target.checked)} />
          {t('tracking.progress.delivered')}
        </label>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary">
        {t('tracking.progress.save')}
      </button>
    </form>
  );
}

/** The contractor's manager moves an order's invoicing: to invoice, invoiced, paid. */
export function InvoicingForm({ order, onDone }: { order: PortalOrder; onDone: () => void }) {
  const [state, setState] = useState(order.invoicing);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="panel inline-form"
      aria-labelledby="invoicing-title"
      onSubmit={(event) => {
        event.preventDefault();
        portal
          .invoicing(order.id, state)
          .then(() => {
            setError(null);
            onDone();
          })
          .catch((caught: unknown) => setError((caught as Error).message));
      }}
    >
      <h3 id="invoicing-title">{t('tracking.invoicingForm.title')}</h3>
      <div className="field">
        <label htmlFor="invoicing-state">{t('tracking.invoicingForm.state')}</label>
        <select id="invoicing-state" value={state} onChange={(event) => setState(event.target.value as PortalOrder['invoicing'])}>
          {(['a-facturer', 'facture', 'paye'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`tracking.invoicing.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={state === order.invoicing}>
        {t('tracking.invoicingForm.save')}
      </button>
      {order.status !== 'solde' && (
        <p>
          <button
            type="button"
            disabled={order.status !== 'receptionne' || order.invoicing !== 'paye'}
            title={t('tracking.invoicingForm.closeHint')}
            onClick={() =>
              void portal
                .close(order.id)
                .then(onDone)
                .catch((caught: unknown) => setError((caught as Error).message))
            }
          >
            {t('tracking.invoicingForm.close')}
          </button>{' '}
          <span className="muted">{t('tracking.invoicingForm.closeHint')}</span>
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
