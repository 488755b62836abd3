import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/index.ts';
import { portal, PortalUnreachableError, type PortalOrder } from '../../portal/portal-client.ts';

type State = { kind: 'loading' } | { kind: 'unavailable'; message: string } | { kind: 'ready'; orders: PortalOrder[] };

/** After generation: send the delivery's ZIP and MD5 to one of the contractor's orders on the tracking portal. */
export function SendToPortal({ zip, md5File, zipName, projectId }: { zip: Uint8Array; md5File: Uint8Array; zipName: string; projectId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [orderId, setOrderId] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    portal
      .session()
      .then(async (user) => {
        if (!user) return setState({ kind: 'unavailable', message: t('tracking.send.signIn') });
        if (user.organisation.kind !== 'titulaire') return setState({ kind: 'unavailable', message: t('tracking.send.contractorOnly') });
        const orders = (await portal.orders()).filter((order) => ['en-cours', 'refuse', 'livre'].includes(order.status));
        // The order this study was quoted for comes first; a choice already made is kept.
        const preferred = (orders.find((order) => order.study_project_id === projectId) ?? orders[0])?.id ?? '';
        setOrderId((current) => (current && orders.some((order) => order.id === current) ? current : preferred));
        setState({ kind: 'ready', orders });
      })
      .catch((error: unknown) => setState({ kind: 'unavailable', message: error instanceof PortalUnreachableError ? t('tracking.unreachable') : (error as Error).message }));
  }, [projectId]);

  return (
    <section className="panel send-to-portal" aria-labelledby="send-title">
      <h3 id="send-title">{t('tracking.send.title')}</h3>
      {state.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.kind === 'unavailable' && (
        <p className="muted" data-testid="send-unavailable">
          {state.message} <a href="#/suivi">{t('nav.tracking')}</a>
        </p>
      )}
      {state.kind === 'ready' &&
        (state.orders.length === 0 ? (
          <p className="muted">{t('tracking.send.noOrder')}</p>
        ) : (
          <div className="field-row">
            <div className="field">
              <label htmlFor="send-order">{t('tracking.send.order')}</label>
              <select ref={select} id="send-order" value={orderId} onChange={(event) => setOrderId(event.target.value)}>
                {state.orders.map((order) => (
                  <option key={order.id} value={order.id}>{`${order.number} — ${order.entity_name}`}</option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="primary"
              disabled={busy || !orderId}
              onClick={() => {
                // The order shown in the list at the moment of the click, whatever render this handler comes from.
                const chosen = select.current?.value || orderId;
                setBusy(true);
                setResult(null);
                const order = state.orders.find((candidate) => candidate.id === chosen)!;
                portal
                  .upload(chosen, zip, md5File, zipName)
                  .then(() => setResult({ ok: true, text: t('tracking.send.done', { number: order.number }) }))
                  .catch((error: unknown) => setResult({ ok: false, text: (error as Error).message }))
                  .finally(() => setBusy(false));
              }}
            >
              {t('tracking.send.button')}
            </button>
          </div>
        ))}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} data-testid="send-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
