import { t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { missingForDeliverables } from '../../model/deliverable-readiness.ts';
import { DeliveryForm } from './DeliveryForm.tsx';
import { ReportComposer } from './ReportComposer.tsx';

const DELIVERABLES = ['plans', 'studyReport', 'analysisReport', 'equipmentList', 'implantation', 'summary', 'slip'] as const;

export function ReportView({ document }: { document: ProjectDocument }) {
  const missing = missingForDeliverables(document);
  return (
    <section className="page" aria-labelledby="report-title">
      <h1 id="report-title">{t('report.title')}</h1>
      <p className="muted">{t('report.intro')}</p>
      <ul className="deliverables">
        {DELIVERABLES.map((key) => (
          <li key={key}>{t(`report.deliverables.${key}`)}</li>
        ))}
      </ul>
      <h2>{t('report.readiness')}</h2>
      {missing.length === 0 ? (
        <p>{t('report.ready')}</p>
      ) : (
        <ul className="missing-list" data-testid="missing-list">
          {missing.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      <DeliveryForm document={document} />
      <ReportComposer document={document} />
    </section>
  );
}
