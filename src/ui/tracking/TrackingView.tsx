import { useCallback, useEffect, useState } from 'react';
import { formatNumber, t } from '../../i18n/index.ts';
import { portal, PortalAnswerError, PortalUnreachableError, type PortalOrder, type PortalUser } from '../../portal/portal-client.ts';
import { Committees } from './Committees.tsx';
import { ContractEnd } from './ContractEnd.tsx';
import { toFrenchDate as frenchDay } from '../../i18n/french-date.ts';
import { NewOrderForm } from './NewOrderForm.tsx';
import type { TrackingPage } from '../../app/route.ts';
import { OrderPage } from './OrderPage.tsx';
import { PriceGrids } from './PriceGrids.tsx';
import { QuoteForm } from './QuoteForm.tsx';
import { QuoteList } from './QuoteList.tsx';
import { QuotePage } from './QuotePage.tsx';
import { StatementPicker } from './StatementPicker.tsx';

type State = { kind: 'loading' } | { kind: 'unreachable' } | { kind: 'signed-out'; error: string | null; notice?: string } | { kind: 'signed-in'; user: PortalUser };

/** « Suivi »: the tracking portal shared with the administration. The study tool works without it. */
export function TrackingView({ page }: { page: TrackingPage }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Bumped when a committee changes, so the dashboard's counts follow.
  const [revision, setRevision] = useState(0);

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    portal
      .session()
      .then((user) => setState(user ? { kind: 'signed-in', user } : { kind: 'signed-out', error: null }))
      .catch((error: unknown) => setState(error instanceof PortalUnreachableError ? { kind: 'unreachable' } : { kind: 'signed-out', error: null }));
  }, []);
  useEffect(load, [load]);

  return (
    <section className="page tracking" aria-labelledby="tracking-title">
      <h1 id="tracking-title">{t('tracking.title')}</h1>
      {state.kind === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.kind === 'unreachable' && (
        <div role="alert" className="notice">
          <p>{t('tracking.unreachable')}</p>
          <button type="button" onClick={load}>
            {t('tracking.retry')}
          </button>
        </div>
      )}
      {state.kind === 'signed-out' && state.notice && (
        <p role="status" className="notice">
          {state.notice}
        </p>
      )}
      {state.kind === 'signed-out' && <LoginForm error={state.error} onSignedIn={(user) => setState({ kind: 'signed-in', user })} onUnreachable={() => setState({ kind: 'unreachable' })} />}
      {state.kind === 'signed-in' && (
        <>
          <p className="muted" data-testid="tracking-user">
            {t('tracking.signedInAs', { name: state.user.displayName, role: t(`tracking.roles.${state.user.role}`), organisation: state.user.organisation.name })}{' '}
            <button type="button" className="link-button" onClick={() => void portal.logout().finally(() => setState({ kind: 'signed-out', error: null }))}>
              {t('tracking.logout')}
            </button>
          </p>
          {page.kind === 'order' ? (
            <OrderPage orderId={page.id} user={state.user} />
          ) : page.kind === 'quote' ? (
            <QuotePage quoteId={page.id} user={state.user} />
          ) : page.kind === 'new-quote' ? (
            <QuoteForm studyId={page.studyId} />
          ) : (
            <>
              <Dashboard key={revision} />
              <QuoteList user={state.user} />
              {state.user.organisation.kind === 'titulaire' && state.user.role === 'gestionnaire' && <NewOrderForm onCreated={(id) => (window.location.hash = `#/suivi/commande/${encodeURIComponent(id)}`)} />}
              <OrderList />
              <Committees user={state.user} onChange={() => setRevision((value) => value + 1)} />
              <PriceGrids mayImport={state.user.organisation.kind === 'titulaire' && state.user.role === 'gestionnaire'} />
              {state.user.organisation.kind === 'titulaire' && state.user.role === 'administrateur' && <ContractEnd onDestroyed={(name) => setState({ kind: 'signed-out', error: null, notice: t('tracking.contractEnd.destroyed', { name }) })} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function LoginForm({ error, onSignedIn, onUnreachable }: { error: string | null; onSignedIn: (user: PortalUser) => void; onUnreachable: () => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState(error);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="panel login-form"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        portal
          .login(email, password)
          .then(onSignedIn)
          .catch((caught: unknown) => (caught instanceof PortalUnreachableError ? onUnreachable() : setMessage(caught instanceof PortalAnswerError ? caught.message : t('tracking.failed'))))
          .finally(() => setBusy(false));
      }}
    >
      <h2>{t('tracking.loginTitle')}</h2>
      <p className="muted">{t('tracking.loginIntro')}</p>
      <div className="field">
        <label htmlFor="portal-email">{t('tracking.email')}</label>
        <input id="portal-email" type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="portal-password">{t('tracking.password')}</label>
        <input id="portal-password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      </div>
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('tracking.login')}
      </button>
    </form>
  );
}

/** The steering indicators above the list, with the CSV export and the quarterly statement due next. */
function Dashboard() {
  const [data, setData] = useState<Awaited<ReturnType<typeof portal.dashboard>> | null>(null);
  useEffect(() => {
    portal
      .dashboard()
      .then(setData)
      .catch(() => setData(null));
  }, []);
  if (!data) return null;
  const euros = (value: number) => `${formatNumber(value, 0)} € HT`;
  const { nextStatement } = data;
  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">{t('tracking.dashboard.title')}</h2>
      <ul className="indicators">
        <li>{t('tracking.dashboard.orders', { count: data.total, open: data.byStatus['en-cours'] + data.byStatus.refuse, waiting: data.byStatus.livre })}</li>
        <li className={data.late.length > 0 ? 'late' : undefined}>{data.late.length === 0 ? t('tracking.dashboard.noLate') : t('tracking.dashboard.late', { count: data.late.length, list: data.late.map((order) => order.number).join(', ') })}</li>
        <li>{t('tracking.dashboard.invoicing', { todo: euros(data.invoicing.aFacturerHt), invoiced: euros(data.invoicing.factureHt), paid: euros(data.invoicing.payeHt) })}</li>
        <li>{t('tracking.dashboard.statement', { quarter: nextStatement.quarter, year: String(nextStatement.year), deadline: frenchDay(nextStatement.deadline) })}</li>
        <li>{data.committees.next ? t('tracking.dashboard.nextCommittee', { kind: t(`tracking.committees.kinds.${data.committees.next.kind}`), date: frenchDay(data.committees.next.heldOn), agenda: data.committees.next.agendaDue ? t('tracking.dashboard.nextCommitteeAgenda', { date: frenchDay(data.committees.next.agendaDue) }) : '' }) : t('tracking.dashboard.noCommittee')}</li>
        <li data-testid="consumption">
          {t('tracking.dashboard.consumption', {
            consumed: formatNumber(data.consumption.consumedDays, 1),
            ordered: formatNumber(data.consumption.orderedDays, 1),
            committed: euros(data.consumption.committedHt),
            maximum: data.consumption.maximumHt && data.consumption.share !== null ? t('tracking.dashboard.maximum', { maximum: euros(data.consumption.maximumHt), share: `${formatNumber(data.consumption.share * 100, 1)} %` }) : '',
          })}
        </li>
        <li className={data.quotes.late.length > 0 ? 'late' : undefined}>{t('tracking.dashboard.quotes', { answer: data.quotes.toAnswer, waiting: data.quotes.awaitingDecision, late: data.quotes.late.length })}</li>
        <li className={data.committees.minutesLate.length > 0 ? 'late' : undefined}>{t('tracking.dashboard.minutes', { late: data.committees.minutesLate.length, waiting: data.committees.awaitingValidation })}</li>
      </ul>
      <p>
        <a href="/api/dashboard.csv" download>
          {t('tracking.dashboard.csv')}
        </a>
        {' · '}
        <a href={`/api/statements/${nextStatement.year}/${nextStatement.quarter}`} download>
          {t('tracking.dashboard.statementFile', { quarter: nextStatement.quarter, year: String(nextStatement.year) })}
        </a>
      </p>
      <StatementPicker initial={nextStatement} />
    </section>
  );
}

function OrderList() {
  const [orders, setOrders] = useState<PortalOrder[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    portal
      .orders()
      .then(setOrders)
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!orders) return <p className="muted">{t('app.loading')}</p>;
  if (orders.length === 0) return <p>{t('tracking.noOrders')}</p>;
  return (
    <table className="data-table" data-testid="orders">
      <caption>{t('tracking.ordersCaption', { count: orders.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tracking.columns.number')}</th>
          <th scope="col">{t('tracking.columns.entity')}</th>
          <th scope="col">{t('tracking.columns.dit')}</th>
          <th scope="col">{t('tracking.columns.service')}</th>
          <th scope="col" className="num">{t('tracking.columns.days')}</th>
          <th scope="col">{t('tracking.columns.status')}</th>
          <th scope="col">{t('tracking.columns.invoicing')}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr key={order.id}>
            <th scope="row">
              <a href={`#/suivi/commande/${encodeURIComponent(order.id)}`}>{order.number}</a>
            </th>
            <td>{order.entity_name}</td>
            <td>{order.dit}</td>
            <td>{order.service}</td>
            <td className="num">{t('tracking.daysValue', { consumed: formatNumber(order.consumed_days, 1), ordered: formatNumber(order.ordered_days, 1) })}</td>
            <td>{t(`tracking.statuses.${order.status}`)}</td>
            <td>{t(`tracking.invoicing.${order.invoicing}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
