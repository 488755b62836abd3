import { useRef, useState } from 'react';
import { formatNumber, t } from '../../../i18n/index.ts';
import type { ProjectDocument } from '../../../model/schema.ts';
import { ReportJob } from '../../../report/report-client.ts';
import type { StudyForecast } from '../../../report/study-forecast.ts';
import { ForecastTables } from './ForecastTables.tsx';

type State =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; forecast: StudyForecast; error: string | null; computedFor: ProjectDocument }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

/** Per radio, per SSID and per zone and band: coverage, clients, airtime, edge rate and beacon overhead. */
export function StudyForecastSection({ document }: { document: ProjectDocument }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const job = useRef<ReportJob | null>(null);
  const start = async () => {
    const current = new ReportJob();
    job.current = current;
    setState({ kind: 'running', done: 0, total: 0 });
    try {
      const { forecast, error } = await current.forecast(document, (done, total) => setState({ kind: 'running', done, total }));
      setState({ kind: 'done', forecast, error, computedFor: document });
    } catch (error) {
      setState(current.wasCancelled ? { kind: 'cancelled' } : { kind: 'error', message: (error as Error).message });
    } finally {
      job.current = null;
    }
  };
  const overLimit = state.kind === 'done' ? state.forecast.radios.filter((row) => row.overLimit) : [];
  return (
    <section aria-labelledby="forecast-title" className="forecast">
      <h2 id="forecast-title">{t('results.forecast.title')}</h2>
      <p className="muted">{t('results.forecast.intro')}</p>
      <button type="button" disabled={state.kind === 'running'} onClick={() => void start()}>
        {state.kind === 'done' ? t('results.forecast.rerun') : t('results.forecast.run')}
      </button>
      <div role="status" className="engine-status" data-testid="forecast-status">
        {state.kind === 'running' && (
          <>
            {t('results.forecast.running', { done: state.done, total: state.total })} <progress max={Math.max(1, state.total)} value={state.done} />{' '}
            <button type="button" onClick={() => job.current?.cancel()}>
              {t('results.cancel')}
            </button>
          </>
        )}
        {state.kind === 'cancelled' && t('results.forecast.cancelled')}
        {state.kind === 'error' && <span role="alert">{state.message}</span>}
        {state.kind === 'done' && (
          <>
            {t('results.forecast.done', { radios: state.forecast.radios.length })}{' '}
            {overLimit.length > 0 ? <strong>{t('results.forecast.overLimit', { count: overLimit.length, list: overLimit.map((row) => `${row.apName} (${formatNumber(row.airtime * 100, 0)} %)`).join(', ') })}</strong> : t('results.forecast.noneOverLimit')}
            {state.computedFor !== document && <> {t('results.forecast.stale')}</>}
            {state.error && <span role="alert"> {state.error}</span>}
          </>
        )}
      </div>
      {state.kind === 'done' && <ForecastTables forecast={state.forecast} />}
    </section>
  );
}
