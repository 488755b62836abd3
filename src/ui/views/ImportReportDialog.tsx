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
        <ReportTable
          columns={[{ label: t('projects.importReport.what') }, { label: t('projects.importReport.count'), numeric: true }]}
          rows={report.imported.map((entry) => ({ key: entry.label, cells: [entry.label, entry.count] }))}
        />
        <h3>{t('projects.importReport.notImported')}</h3>
        {report.notImported.length === 0 ? (
          <p>{t('projects.importReport.none')}</p>
        ) : (
          <ReportTable
            testId="import-report-left"
            columns={[{ label: t('projects.importReport.what') }, { label: t('projects.importReport.count'), numeric: true }, { label: t('projects.importReport.why') }, { label: t('projects.importReport.fix') }]}
            rows={report.notImported.map((entry) => ({ key: entry.what, cells: [entry.what, entry.count, entry.why, entry.fix] }))}
          />
        )}
        {report.materialMapping && report.materialMapping.length > 0 && (
          <>
            <h3>{t('projects.importReport.mapping')}</h3>
            <p className="muted">{t('projects.importReport.mappingIntro')}</p>
            <ReportTable
              testId="import-report-mapping"
              columns={[{ label: t('projects.importReport.mappingSource') }, { label: t('projects.importReport.mappingRole') }, { label: t('projects.importReport.mappingMaterial') }, { label: t('projects.importReport.mappingBasis') }]}
              rows={report.materialMapping.map((row) => ({ key: row.material, cells: [row.source, row.role, row.material, row.basis] }))}
            />
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

/** One table of the report: a header row, then a row per entry; numeric columns aligned right. */
function ReportTable({ columns, rows, testId }: { columns: { label: string; numeric?: boolean }[]; rows: { key: string; cells: (string | number)[] }[]; testId?: string }) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) => (
              <td key={index} className={columns[index]!.numeric ? 'num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
