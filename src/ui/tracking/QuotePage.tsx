import { useCallback, useEffect, useState } from 'react';
import { downloadBytes } from '../../app/download.ts';
import { formatDateTime, formatEuros as euros, formatNumber, t } from '../../i18n/index.ts';
import { portal, type CatalogueService, type PortalUser } from '../../portal/portal-client.ts';
import { toFrenchDate as frenchDay } from '../../i18n/french-date.ts';
import { editable, parsedLines, QuoteLinesEditor, type EditableLine } from './QuoteLinesEditor.tsx';

type Loaded = Awaited<ReturnType<typeof portal.quote>>;

/** One quote: its parties and deadline, lines and totals, documents, history, and what the person may do next. */
export function QuotePage({ quoteId, user }: { quoteId: string; user: PortalUser }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [catalogue, setCatalogue] = useState<CatalogueService[]>([]);
  const [lines, setLines] = useState<EditableLine[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const load = useCallback(() => {
    portal
      .quote(quoteId)
      .then((answer) => {
        setLoaded(answer);
        setLines(answer.quote.lines.map(editable));
        setError(null);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, [quoteId]);
  useEffect(load, [load]);
  useEffect(() => {
    portal
      .catalogue()
      .then((answer) => setCatalogue(answer.services))
      .catch(() => undefined);
  }, []);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);
  const failed = (caught: unknown) => setError((caught as Error).message);
  if (!loaded) return error ? <p role="alert">{error}</p> : <p className="muted">{t('app.loading')}</p>;
  const { quote, history } = loaded;
  const manager = user.organisation.kind === 'titulaire' && user.role === 'gestionnaire';
  const administration = user.organisation.kind === 'administration' && (user.role === 'relecteur' || user.role === 'correspondant');
  const editableQuote = manager && (quote.status === 'brouillon' || quote.status === 'a-ajuster');
  const open = quote.status !== 'valide' && quote.status !== 'abandonne';

  return (
    <article className="quote-page" aria-labelledby="quote-title">
      <p>
        <a href="#/suivi">{t('tracking.quotes.back')}</a>
      </p>
      <h2 id="quote-title">{t('tracking.quotes.title_', { number: quote.number })}</h2>
      <dl className="key-values">
        <dt>{t('tracking.columns.entity')}</dt>
        <dd>{[quote.entity_name, quote.bureau, quote.dit].filter(Boolean).join(' — ')}</dd>
        <dt>{t('tracking.quotes.site')}</dt>
        <dd>{[quote.site, t(`tracking.quotes.territories.${quote.territory as 'metropole'}`)].filter(Boolean).join(', ')}</dd>
        <dt>{t('tracking.quotes.status')}</dt>
        <dd data-testid="quote-status">{t(`tracking.quotes.statuses.${quote.status}`)}</dd>
        <dt>{t('tracking.quotes.deadline')}</dt>
        <dd className={quote.late ? 'late' : undefined}>{t(quote.late ? 'tracking.quotes.dueLate' : 'tracking.quotes.due', { requested: frenchDay(quote.requested_on), due: frenchDay(quote.dueOn) })}</dd>
        <dt>{t('tracking.quotes.grids')}</dt>
        <dd>{t('tracking.quotes.grid', { version: quote.gridVersion, label: quote.gridLabel ?? '' })}</dd>
        {quote.need && (
          <>
            <dt>{t('tracking.quotes.need')}</dt>
            <dd>{quote.need}</dd>
          </>
        )}
      </dl>
      {quote.remarks && quote.status === 'a-ajuster' && <p className="notice">{t('tracking.quotes.remarks', { remarks: quote.remarks })}</p>}

      <table className="data-table" data-testid="quote-lines">
        <thead>
          <tr>
            <th scope="col">{t('tracking.quotes.service')}</th>
            <th scope="col">{t('tracking.quotes.level')}</th>
            <th scope="col" className="num">{t('tracking.quotes.quantity')}</th>
            <th scope="col" className="num">{t('tracking.quotes.unit')}</th>
            <th scope="col">{t('tracking.quotes.factors')}</th>
            <th scope="col" className="num">{t('tracking.quotes.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {quote.priced.lines.map((line, index) => (
            <tr key={index}>
              <th scope="row">{`${line.service} ${line.title}`}</th>
              <td>{line.level}</td>
              <td className="num">{formatNumber(line.quantity, 2)}</td>
              <td className="num">{euros(line.unitPriceHt)}</td>
              <td>{line.factors.map((factor) => `${factor.label} × ${formatNumber(factor.factor, 2)}`).join(' ; ') || '—'}</td>
              <td className="num">{euros(line.amountHt)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>{t('tracking.quotes.totalHt')}</th>
            <td className="num" data-testid="quote-total-ht">{euros(quote.priced.totalHt)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={5}>{t('tracking.quotes.vat', { rate: `${formatNumber(quote.priced.vatRate * 100, 1)} %` })}</th>
            <td className="num">{euros(quote.priced.vat)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={5}>{t('tracking.quotes.totalTtc')}</th>
            <td className="num" data-testid="quote-total-ttc">{euros(quote.priced.totalTtc)}</td>
          </tr>
        </tfoot>
      </table>
      {quote.warnings.length > 0 && (
        <div className="notice">
          <strong>{t('tracking.quotes.warnings')}</strong>
          <ul>
            {quote.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <button type="button" className="link-button" onClick={() => void portal.quoteFile(quote.id, 'pdf').then((file) => setPreview(URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })))).catch(failed)}>
          {t('tracking.quotes.pdf')}
        </button>
        {' · '}
        <button type="button" className="link-button" onClick={() => void portal.quoteFile(quote.id, 'xlsx').then((file) => downloadBytes(file.bytes, file.name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).catch(failed)}>
          {t('tracking.quotes.xlsx')}
        </button>
        {quote.order_id && (
          <>
            {' · '}
            <a href={`#/suivi/commande/${encodeURIComponent(quote.order_id)}`}>{t('tracking.quotes.order')}</a>
          </>
        )}
      </p>
      {preview && (
        <figure className="pdf-preview">
          <figcaption>{t('tracking.previewOf', { name: `devis-${quote.number}.pdf` })}</figcaption>
          <iframe title={t('tracking.previewOf', { name: `devis-${quote.number}.pdf` })} src={preview} />
        </figure>
      )}
      {error && <p role="alert">{error}</p>}

      {editableQuote && lines && catalogue.length > 0 && (
        <form
          className="panel"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = parsedLines(lines);
            if (typeof parsed === 'string') return setError(parsed);
            portal.reviseQuote(quote.id, { lines: parsed }).then(load).catch(failed);
          }}
        >
          <QuoteLinesEditor lines={lines} onChange={setLines} catalogue={catalogue} />
          <button type="submit">{t('tracking.quotes.saveChanges')}</button>{' '}
          <button type="button" className="primary" onClick={() => void portal.sendQuote(quote.id).then(load).catch(failed)}>
            {t('tracking.quotes.send')}
          </button>
        </form>
      )}
      {administration && quote.status === 'envoye' && <Decision quoteId={quote.id} onDone={load} onError={failed} />}
      {(manager || administration) && open && <Abandon quoteId={quote.id} onDone={load} onError={failed} />}

      <h3>{t('tracking.quotes.history')}</h3>
      <ol className="history" data-testid="quote-history">
        {history.map((line, index) => (
          <li key={index}>{t('tracking.historyLine', { when: formatDateTime(line.at), who: line.who, action: t(`tracking.quotes.actions.${line.action as 'creation'}`), note: typeof line.detail.remarks === 'string' ? ` — ${line.detail.remarks}` : typeof line.detail.reason === 'string' ? ` — ${line.detail.reason}` : typeof line.detail.orderNumber === 'string' ? ` — ${line.detail.orderNumber}` : '' })}</li>
        ))}
      </ol>
    </article>
  );
}

function Decision({ quoteId, onDone, onError }: { quoteId: string; onDone: () => void; onError: (error: unknown) => void }) {
  const [remarks, setRemarks] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [commitment, setCommitment] = useState('');
  return (
    <div className="order-forms">
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          portal
            .validateQuote(quoteId, orderNumber, commitment)
            .then((answer) => (window.location.hash = `#/suivi/commande/${encodeURIComponent(answer.orderId)}`))
            .catch(onError);
        }}
      >
        <div className="field">
          <label htmlFor="validation-order">{t('tracking.quotes.orderNumber')}</label>
          <input id="validation-order" required value={orderNumber} onChange={(event) => setOrderNumber(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="validation-commitment">{t('tracking.quotes.legalCommitment')}</label>
          <input id="validation-commitment" required value={commitment} onChange={(event) => setCommitment(event.target.value)} />
        </div>
        <button type="submit" className="primary">
          {t('tracking.quotes.validate')}
        </button>
      </form>
      <form
        className="panel"
        onSubmit={(event) => {
          event.preventDefault();
          portal.askAdjustment(quoteId, remarks).then(onDone).catch(onError);
        }}
      >
        <div className="field">
          <label htmlFor="adjustment-remarks">{t('tracking.quotes.adjustRemarks')}</label>
          <textarea id="adjustment-remarks" rows={2} value={remarks} onChange={(event) => setRemarks(event.target.value)} />
        </div>
        <button type="submit">{t('tracking.quotes.adjust')}</button>
      </form>
    </div>
  );
}

function Abandon({ quoteId, onDone, onError }: { quoteId: string; onDone: () => void; onError: (error: unknown) => void }) {
  const [reason, setReason] = useState('');
  return (
    <details className="abandon">
      <summary>{t('tracking.quotes.abandon')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          portal.abandonQuote(quoteId, reason).then(onDone).catch(onError);
        }}
      >
        <div className="field">
          <label htmlFor="abandon-reason">{t('tracking.quotes.abandonReason')}</label>
          <input id="abandon-reason" required value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
        <button type="submit" className="danger">
          {t('tracking.quotes.abandon')}
        </button>
      </form>
    </details>
  );
}
