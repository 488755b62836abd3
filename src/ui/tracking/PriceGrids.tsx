import { useCallback, useEffect, useState } from 'react';
import { formatDateTime, t } from '../../i18n/index.ts';
import { portal } from '../../portal/portal-client.ts';
import { FileButton } from '../components/FileButton.tsx';

type Grid = Awaited<ReturnType<typeof portal.priceGrids>>[number];

/** The price grid versions; the manager imports a new one (xlsx or csv) and sees every problem at once. */
export function PriceGrids({ mayImport }: { mayImport: boolean }) {
  const [grids, setGrids] = useState<Grid[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const load = useCallback(() => {
    portal
      .priceGrids()
      .then(setGrids)
      .catch((caught: unknown) => setMessage({ ok: false, text: (caught as Error).message }));
  }, []);
  useEffect(load, [load]);
  return (
    <section className="panel price-grids" aria-labelledby="grids-title" data-testid="price-grids">
      <h2 id="grids-title">{t('tracking.quotes.grids')}</h2>
      <p className="muted">{t('tracking.quotes.gridsIntro')}</p>
      {grids && grids.length === 0 && <p>{t('tracking.quotes.noGrid')}</p>}
      {grids && grids.length > 0 && (
        <ul>
          {grids.map((grid) => (
            <li key={grid.id}>{t('tracking.quotes.gridLine', { version: grid.version, label: grid.label, file: grid.sourceName, who: grid.importedBy, when: formatDateTime(grid.importedAt) })}</li>
          ))}
        </ul>
      )}
      {mayImport && (
        <FileButton
          label={t('tracking.quotes.importGrid')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={(bytes, name) =>
            void portal
              .importPriceGrid(bytes, name)
              .then((grid) => {
                setMessage({ ok: true, text: t('tracking.quotes.gridImported', { version: grid.version }) });
                load();
              })
              .catch((caught: unknown) => setMessage({ ok: false, text: (caught as Error).message }))
          }
        />
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'field-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
