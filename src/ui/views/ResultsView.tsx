import { formatNumber, t } from '../../i18n/index.ts';
import { levelStatistics } from '../../model/level-statistics.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { surfaceTier } from '../../model/surface-tier.ts';
import { PredictedCoverage } from './PredictedCoverage.tsx';
import { AutoPlacement } from './AutoPlacement.tsx';
import { StudyForecastSection } from './forecast/StudyForecastSection.tsx';

export function ResultsView({ document }: { document: ProjectDocument }) {
  const rows = levelStatistics(document);
  const total = rows.reduce(
    (sum, row) => ({
      zones: sum.zones + row.zoneCount,
      area: sum.area + row.coverageAreaM2,
      aps: sum.aps + row.accessPointCount,
      radios: sum.radios + row.enabledRadioCount,
      walls: sum.walls + row.wallCount,
    }),
    { zones: 0, area: 0, aps: 0, radios: 0, walls: 0 },
  );
  return (
    <section className="page" aria-labelledby="results-title">
      <h1 id="results-title">{t('results.title')}</h1>
      <p className="muted">{t('results.intro')}</p>
      <dl className="key-figures">
        <div>
          <dt>{t('results.surfaceCovered')}</dt>
          <dd data-testid="total-area">{t('units.m2', { value: formatNumber(total.area, 1) })}</dd>
        </div>
        <div>
          <dt>{t('results.surfaceTier')}</dt>
          <dd data-testid="surface-tier">{t(`tiers.${surfaceTier(total.area)}`)}</dd>
        </div>
      </dl>
      <table className="data-table">
        <caption>{t('results.perLevel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.columns.level')}</th>
            <th scope="col" className="num">{t('results.columns.zones')}</th>
            <th scope="col" className="num">{t('results.columns.area')}</th>
            <th scope="col" className="num">{t('results.columns.aps')}</th>
            <th scope="col" className="num">{t('results.columns.radios')}</th>
            <th scope="col" className="num">{t('results.columns.walls')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.levelId}>
              <th scope="row">{row.levelName}</th>
              <td className="num">{row.zoneCount}</td>
              <td className="num">{formatNumber(row.coverageAreaM2, 1)}</td>
              <td className="num">{row.accessPointCount}</td>
              <td className="num">{row.enabledRadioCount}</td>
              <td className="num">{row.wallCount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('results.total')}</th>
            <td className="num">{total.zones}</td>
            <td className="num">{formatNumber(total.area, 1)}</td>
            <td className="num">{total.aps}</td>
            <td className="num">{total.radios}</td>
            <td className="num">{total.walls}</td>
          </tr>
        </tfoot>
      </table>
      <PredictedCoverage document={document} />
      <StudyForecastSection document={document} />
      {document.levels.map((level) => (
        <AutoPlacement key={level.id} document={document} levelId={level.id} />
      ))}
    </section>
  );
}
