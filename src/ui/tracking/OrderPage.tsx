import { useCallback, useEffect, useState } from 'react';
import { formatDateTime, formatEuros, formatNumber, t } from '../../i18n/index.ts';
import { portal, type PortalOrder, type PortalUser } from '../../portal/portal-client.ts';
import { toFrenchDate as frenchDay } from '../../i18n/french-date.ts';
import { InterventionReportForm } from './InterventionReportForm.tsx';
import { InvoicingForm, ProgressForm } from './OrderProgressForms.tsx';

type Deliverables = Awaited<ReturnType<typeof portal.deliverables>>;
type History = Awaited<ReturnType<typeof portal.history>>;

/** One order: its fields, the packages delivered with a PDF preview, the reception (administration), the history. */
export function OrderPage({ orderId, user }: { orderId: string; user: PortalUser }) {
  const [order, setOrder] = useState<PortalOrder | null>(null);
  const [history, setHistory] = useState<History>([]);
  const [deliverables, setDeliverables] = useState<Deliverables | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);

  const load = useCallback(() => {
    Promise.all([portal.order(orderId), portal.history(orderId), portal.deliverables(orderId)])
      .then(([loaded, lines, packages]) => {
        setOrder(loaded);
        setHistory(lines);
        setDeliverables(packages);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, [orderId]);
  useEffect(load, [load]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  if (error) return <p role="alert">{error}</p>;
  if (!order || !deliverables) return <p className="muted">{t('app.loading')}</p>;
  const latest = deliverables.deliverables.at(-1);
  const contractor = user.organisation.kind === 'titulaire';
  const mayRecordProgress = contractor && (user.role === 'ingenieur' || user.role === 'gestionnaire') && order.status !== 'solde';
  const mayInvoice = contractor && user.role === 'gestionnaire';
  const mayReceive = user.organisation.kind === 'administration' && (user.role === 'relecteur' || user.role === 'correspondant') && order.status === 'livre';

  return (
    <article aria-labelledby="order-title">
      <p>
        <a href="#/suivi">{t('tracking.backToOrders')}</a>
      </p>
      <h2 id="order-title">{t('tracking.orderTitle', { number: order.number })}</h2>
      <dl className="key-values">
        <dt>{t('tracking.columns.entity')}</dt>
        <dd>{order.bureau ? `${order.entity_name} — ${order.bureau}` : order.entity_name}</dd>
        <dt>{t('tracking.columns.dit')}</dt>
        <dd>{order.dit}</dd>
        <dt>{t('tracking.columns.service')}</dt>
        <dd>{`${order.service} — ${order.complexity}`}</dd>
        <dt>{t('tracking.references')}</dt>
        <dd>{t('tracking.referencesValue', { commitment: order.legal_commitment, quote: order.quote_number })}</dd>
        <dt>{t('tracking.columns.days')}</dt>
        <dd>{t('tracking.daysValue', { consumed: formatNumber(order.consumed_days, 1), ordered: formatNumber(order.ordered_days, 1) })}</dd>
        <dt>{t('tracking.amount')}</dt>
        <dd>{`${formatEuros(order.amount_ht)} HT`}</dd>
        {order.due_on && (
          <>
            <dt>{t('tracking.dueOn')}</dt>
            <dd>{frenchDay(order.due_on)}</dd>
          </>
        )}
        {order.profile_type && (
          <>
            <dt>{t('tracking.profile')}</dt>
            <dd>{order.profile_name ? t('tracking.profileValue', { type: order.profile_type, name: order.profile_name }) : order.profile_type}</dd>
          </>
        )}
        <dt>{t('tracking.columns.status')}</dt>
        <dd data-testid="order-status">{t(`tracking.statuses.${order.status}`)}</dd>
        <dt>{t('tracking.columns.invoicing')}</dt>
        <dd data-testid="order-invoicing">{t(`tracking.invoicing.${order.invoicing}`)}</dd>
      </dl>
      {(mayRecordProgress || mayInvoice) && (
        <div className="order-forms">
          {mayRecordProgress && <ProgressForm key={`${order.consumed_days}-${order.status}`} order={order} onDone={load} />}
          {mayInvoice && <InvoicingForm key={order.invoicing} order={order} onDone={load} />}
        </div>
      )}
      {mayRecordProgress && <InterventionReportForm order={order} />}

      {deliverables.checklist.length > 0 && (
        <section className="panel checklist" aria-labelledby="checklist-title">
          <h3 id="checklist-title">{t('tracking.checklist.title')}</h3>
          <ul data-testid="checklist">
            {deliverables.checklist.map((item) => (
              <li key={item.expected} className={item.files.length > 0 ? 'done' : 'missing'}>
                <span aria-hidden="true">{item.files.length > 0 ? '✓ ' : '○ '}</span>
                {item.expected.replace(/[,.]$/, '')}
                <span className="muted"> — {item.files.length > 0 ? t('tracking.checklist.delivered', { files: item.files.join(', ') }) : t('tracking.checklist.missing')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <h3>{t('tracking.deliverablesTitle')}</h3>
      {deliverables.deliverables.length === 0 ? (
        <p className="muted">{t('tracking.noDeliverable')}</p>
      ) : (
        deliverables.deliverables.map((item) => (
          <div key={item.id} className="panel" data-testid="deliverable">
            <p>
              <strong>{t('tracking.deliverableLine', { version: item.version, name: item.zipName, who: item.uploadedBy, when: formatDateTime(item.uploadedAt) })}</strong>
              <br />
              <span className="muted">{t('tracking.deliverableChecks', { size: formatNumber(item.size / 1024 / 1024, 1), md5: item.md5 })}</span>
            </p>
            <ul className="file-list">
              {item.files.map((file) => (
                <li key={file.name}>
                  {file.name.endsWith('.pdf') ? (
                    <button type="button" className="link-button" onClick={() => void portal.file(item.id, file.name).then((blob) => setPreview({ name: file.name, url: URL.createObjectURL(blob) })).catch((caught: unknown) => setError((caught as Error).message))}>
                      {file.name}
                    </button>
                  ) : (
                    file.name
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {preview && (
        <figure className="pdf-preview">
          <figcaption>{t('tracking.previewOf', { name: preview.name })}</figcaption>
          <iframe title={t('tracking.previewOf', { name: preview.name })} src={preview.url} />
        </figure>
      )}

      {deliverables.receptions.length > 0 && (
        <>
          <h3>{t('tracking.receptionsTitle')}</h3>
          <ul data-testid="receptions">
            {deliverables.receptions.map((entry, index) => (
              <li key={index}>{t('tracking.receptionLine', { version: entry.version, decision: t(`tracking.decisions.${entry.decision as 'admis'}`), who: entry.decidedBy, when: formatDateTime(entry.decidedAt), reasons: entry.reasons ? ` — ${entry.reasons}` : '' })}</li>
            ))}
          </ul>
        </>
      )}
      {mayReceive && latest && <ReceptionForm orderId={orderId} version={latest.version} onDone={load} />}

      <h3>{t('tracking.historyTitle')}</h3>
      <ol className="history" data-testid="history">
        {history.map((line, index) => (
          <li key={index}>{t('tracking.historyLine', { when: formatDateTime(line.at), who: line.who, action: t(`tracking.actions.${line.action as 'creation'}`), note: historyNote(line.action, line.detail) })}</li>
        ))}
      </ol>
    </article>
  );
}

function ReceptionForm({ orderId, version, onDone }: { orderId: string; version: number; onDone: () => void }) {
  const [decision, setDecision] = useState<'admis' | 'admis-reserves' | 'refuse'>('admis');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="panel"
      onSubmit={(event) => {
        event.preventDefault();
        portal
          .receive(orderId, decision, reasons)
          .then(onDone)
          .catch((caught: unknown) => setError((caught as Error).message));
      }}
    >
      <h3>{t('tracking.receptionTitle', { version })}</h3>
      <fieldset>
        <legend>{t('tracking.decision')}</legend>
        {(['admis', 'admis-reserves', 'refuse'] as const).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="decision" value={value} checked={decision === value} onChange={() => setDecision(value)} />
            {t(`tracking.decisions.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="reception-reasons">{t('tracking.reasons')}</label>
        <textarea id="reception-reasons" rows={3} value={reasons} onChange={(event) => setReasons(event.target.value)} />
      </div>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary">
        {t('tracking.decide')}
      </button>
    </form>
  );
}

/** What a history line adds after its action: the note and days, the reasons, the package, the invoicing state. */
function historyNote(action: string, detail: Record<string, unknown>): string {
  if ((action === 'avancement' || action === 'livraison') && typeof detail.note === 'string') return t('tracking.historyProgress', { note: detail.note, days: formatNumber(Number(detail.consumedDays ?? 0), 1) });
  if (action === 'reception' && typeof detail.reasons === 'string' && detail.reasons) return ` — ${detail.reasons}`;
  if (action === 'depot' && typeof detail.file === 'string') return t('tracking.historyDeposit', { version: Number(detail.version ?? 1), file: detail.file });
  if (action === 'facturation' && typeof detail.invoicing === 'string') return ` — ${t(`tracking.invoicing.${detail.invoicing as 'paye'}`)}`;
  return '';
}
