/** The title block's fields (cartouche), the same on the PDF plan and on the ODG and VSDX plans. */
import { t } from '../../i18n/index.ts';
import type { Level, Study } from '../../model/schema.ts';
import type { TitleBlock } from './implantation-page.ts';

export function titleBlockRows(study: Study, level: Level, block: TitleBlock, denominator: number): [string, string][] {
  return [
    [t('documentControl.fields.document'), block.documentTitle],
    [t('documentControl.fields.study'), study.title],
    [t('documentControl.fields.site'), [study.site.entityName, study.site.address].filter(Boolean).join(', ')],
    [t('documentControl.fields.level'), level.name],
    [t('documentControl.fields.scale'), `1:${denominator} (A3)`],
    [t('documentControl.fields.dateVersion'), block.version ? `${block.date} — ${t('studyReport.version', { version: block.version })}` : block.date],
    [t('documentControl.fields.author'), block.author || '—'],
    [t('documentControl.fields.contractor'), block.contractor || '—'],
    [t('documentControl.fields.references'), [block.contract && t('documentControl.contractRef', { ref: block.contract }), block.order && t('documentControl.orderRef', { ref: block.order })].filter(Boolean).join(' — ') || '—'],
  ];
}
