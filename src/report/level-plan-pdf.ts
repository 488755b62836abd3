/**
 * The implantation plan of one level as its own PDF (A3 landscape, one page): the file the contract asks for « per
 * level in a format the administration can read », beside the same plan in the study report.
 */
import { t } from '../i18n/index.ts';
import type { Level, ProjectDocument } from '../model/schema.ts';
import { PdfWriter, type ReportFonts } from './pdf/pdf-writer.ts';
import { PlanUnderlays, type PlanRasters } from './pdf/plan-underlay.ts';
import type { StudyReportData } from './report-data.ts';
import { drawImplantationPage, type TitleBlock } from './sections/implantation-page.ts';

export async function levelPlanPdf(document: ProjectDocument, data: StudyReportData, level: Level, fonts: ReportFonts, assets: ReadonlyMap<string, Uint8Array>, rasters: PlanRasters, block: Omit<TitleBlock, 'documentTitle'>, now: Date): Promise<Uint8Array> {
  const documentTitle = t('studyReport.planTitle', { level: level.name });
  const writer = await PdfWriter.create(fonts, `${documentTitle} — ${document.study.title}`, block.author, now);
  const underlays = new PlanUnderlays(writer.pdf, document, assets, rasters);
  await drawImplantationPage(writer, data, level, underlays, { ...block, documentTitle });
  writer.addFooters(`${document.study.title} — ${documentTitle}`, block.restricted ? t('documentControl.restricted') : undefined);
  return writer.pdf.save({ useObjectStreams: true });
}
