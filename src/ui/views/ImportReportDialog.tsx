import { t } from '../../i18n/index.ts';
import type { ImportReport } from '../../exchange/import-report.ts';
import { Dialog } from '../components/Dialog.tsx';

/** What an import from another tool brought in, what it left out (why, what to do) and what to check. */
export function ImportReportDialog({ heading, report, onOpen, onClose }: { heading: string; report: ImportReport; onOpen: () => void; onClose: () => void }) {
  return (
    <Dialog title={heading} wide confirmLabel={t('projects.importReport.open')} cancelLabel={t('projects.importReport.close')} onConfirm={onOpen} onCancel={onClose}>
      <div className="import-report" data-testid="import-report" tabIndex={0} role="region" aria-label={t('projects.importReport.region')}>
        <p className="muted">{t('projects.importReport.source', { source: report.source })}</p>
        <h3>{t('projects.importReport.imported')}</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('projects.importReport.what')}</th>
              <th scope="col" className="num">{t('projects.importReport.count')}</th>
            </tr>
          </thead>
          <tbody>
            {report.imported.map((entry) => (
              <tr key={entry.label}>
                <td>{entry.label}</td>
                <td className="num">{entry.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('projects.importReport.notImported')}</h3>
        {report.notImported.length === 0 ? (
          <p>{t('projects.importReport.none')}</p>
        ) : (
          <table data-testid="import-report-left">
            <thead>
              <tr>
                <th scope="col">{t('projects.importReport.what')}</th>
                <th scope="col" className="num">{t('projects.importReport.count')}</th>
                <th scope="col">{t('projects.importReport.why')}</th>
                <th scope="col">{t('projects.importReport.fix')}</th>
              </tr>
            </thead>
            <tbody>
              {report.notImported.map((entry) => (
                <tr key={entry.what}>
                  <td>{entry.what}</td>
                  <td className="num">{entry.count}</td>
                  <td>{entry.why}</td>
                  <td>{entry.fix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {report.materialMapping && report.materialMapping.length > 0 && (
          <>
            <h3>{t('projects.importReport.mapping')}</h3>
            <p className="muted">{t('projects.importReport.mappingIntro')}</p>
            <table data-testid="import-report-mapping">
              <thead>
                <tr>
                  <th scope="col">{t('projects.importReport.mappingSource')}</th>
                  <th scope="col">{t('projects.importReport.mappingRole')}</th>
                  <th scope="col">{t('projects.importReport.mappingMaterial')}</th>
                  <th scope="col">{t('projects.importReport.mappingBasis')}</th>
                </tr>
              </thead>
              <tbody>
                {report.materialMapping.map((row) => (
                  <tr key={row.material}>
                    <td>{row.source}</td>
                    <td>{row.role}</td>
                    <td>{row.material}</td>
                    <td>{row.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {report.warnings.length > 0 && (
          <>
            <h3>{t('projects.importReport.warnings')}</h3>
            <ul className="warnings" data-testid="import-report-warnings">
              {report.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Dialog>
  );
}
