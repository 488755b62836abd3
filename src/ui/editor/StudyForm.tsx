import { useServices } from '../../app/app-services.ts';
import { setSiteField, setStudyDate, setStudyField, setStudyKind, type Action } from '../../actions/study-actions.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { levelStatistics } from '../../model/level-statistics.ts';
import { surfaceTier } from '../../model/surface-tier.ts';
import { LIMITS, SITE_ENTITY_KINDS, STUDY_KINDS, type ProjectDocument } from '../../model/schema.ts';
import { CommitField, SelectField } from '../components/Fields.tsx';

export function StudyForm({ document }: { document: ProjectDocument }) {
  const { documents } = useServices();
  const apply = (action: Action) => documents.getState().change(action.label, action.recipe);
  const label = (field: string) => `${t('editor.actions.editStudy')} (${field})`;
  const { study } = document;
  return (
    <section className="panel" aria-labelledby="study-form-title">
      <h2 id="study-form-title">{t('editor.studyPanel')}</h2>
      <p className="muted" data-testid="surface-line">{surfaceLine(document)}</p>
      <CommitField name="study-title" label={t('editor.fields.title')} value={study.title} required maxLength={LIMITS.titleChars} onCommit={(value) => apply(setStudyField('title', value, label(t('editor.fields.title'))))} />
      <SelectField
        name="study-kind"
        label={t('editor.fields.kind')}
        value={study.kind}
        options={STUDY_KINDS.map((kind) => ({ value: kind, label: t(`studyKinds.${kind}`) }))}
        onChange={(kind) => apply(setStudyKind(kind, label(t('editor.fields.kind'))))}
      />
      <SelectField
        name="entity-kind"
        label={t('editor.fields.entityKind')}
        value={study.site.entityKind}
        options={SITE_ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entityKinds.${kind}`) }))}
        onChange={(kind) => apply(setSiteField('entityKind', kind, label(t('editor.fields.entityKind'))))}
      />
      <CommitField name="entity-name" maxLength={LIMITS.entityNameChars} label={t('editor.fields.entityName')} value={study.site.entityName} onCommit={(value) => apply(setSiteField('entityName', value, label(t('editor.fields.entityName'))))} />
      <CommitField name="address" maxLength={LIMITS.addressChars} label={t('editor.fields.address')} value={study.site.address} onCommit={(value) => apply(setSiteField('address', value, label(t('editor.fields.address'))))} />
      <CommitField name="dit" maxLength={LIMITS.referenceChars} label={t('editor.fields.dit')} value={study.site.dit} onCommit={(value) => apply(setSiteField('dit', value, label(t('editor.fields.dit'))))} />
      <CommitField name="author" maxLength={LIMITS.referenceChars} label={t('editor.fields.author')} value={study.author} onCommit={(value) => apply(setStudyField('author', value, label(t('editor.fields.author'))))} />
      <div className="field-row">
        <CommitField type="date" name="start-date" label={t('editor.fields.startDate')} value={study.startDate ?? ''} onCommit={(value) => apply(setStudyDate('startDate', value || null, label(t('editor.fields.startDate'))))} />
        <CommitField type="date" name="end-date" label={t('editor.fields.endDate')} value={study.endDate ?? ''} onCommit={(value) => apply(setStudyDate('endDate', value || null, label(t('editor.fields.endDate'))))} />
      </div>
      <CommitField name="quote" maxLength={LIMITS.referenceChars} label={t('editor.fields.quoteReference')} value={study.quoteReference} onCommit={(value) => apply(setStudyField('quoteReference', value, label(t('editor.fields.quoteReference'))))} />
      <p className="field-hint">
        <a href={`#/suivi/nouveau-devis/${encodeURIComponent(document.id)}`}>{t('tracking.quotes.prepareFromStudy')}</a>
      </p>
      <CommitField name="order" maxLength={LIMITS.referenceChars} label={t('editor.fields.orderReference')} value={study.orderReference} onCommit={(value) => apply(setStudyField('orderReference', value, label(t('editor.fields.orderReference'))))} />
      <CommitField name="notes" multiline maxLength={LIMITS.notesChars} label={t('editor.fields.notes')} value={study.notes} onCommit={(value) => apply(setStudyField('notes', value, label(t('editor.fields.notes'))))} />
    </section>
  );
}

function surfaceLine(document: ProjectDocument): string {
  const area = levelStatistics(document).reduce((sum, level) => sum + level.coverageAreaM2, 0);
  return t('editor.surfaceLine', { area: formatNumber(area, 0), tier: t(`tiers.${surfaceTier(area)}`).toLowerCase() });
}
