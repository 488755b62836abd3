import { useState } from 'react';
import { missingFields, SURVEY_FIELDS, type ColumnMapping, type SurveyField } from '../../import/survey/generic-csv.ts';
import { t } from '../../i18n/index.ts';
import { Dialog } from '../components/Dialog.tsx';

/** Which column holds what, when the headers are not the documented ones. */
export function ColumnMappingDialog({ header, initial, onConfirm, onCancel }: { header: string[]; initial: ColumnMapping; onConfirm: (mapping: ColumnMapping) => void; onCancel: () => void }) {
  const [mapping, setMapping] = useState<ColumnMapping>(initial);
  const missing = missingFields(mapping);
  return (
    <Dialog title={t('audit.mapping.title')} confirmLabel={t('audit.mapping.confirm')} onConfirm={() => missing.length === 0 && onConfirm(mapping)} onCancel={onCancel}>
      <p>{t('audit.mapping.explain')}</p>
      <div className="mapping-grid">
        {SURVEY_FIELDS.map((field: SurveyField) => (
          <div className="field" key={field}>
            <label htmlFor={`map-${field}`}>{t(`audit.fields.${field}`)}</label>
            <select
              id={`map-${field}`}
              value={mapping[field] ?? ''}
              onChange={(event) => setMapping((current) => ({ ...current, [field]: event.target.value === '' ? undefined : Number(event.target.value) }))}
            >
              <option value="">{t('audit.mapping.none')}</option>
              {header.map((name, index) => (
                <option key={index} value={index}>
                  {name || `#${index + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {missing.length > 0 && <p role="alert">{t('audit.mapping.missing', { fields: missing.map((field) => t(`audit.fields.${field}`)).join(', ') })}</p>}
    </Dialog>
  );
}
