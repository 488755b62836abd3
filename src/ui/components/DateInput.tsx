import { useEffect, useState } from 'react';
import { fromFrenchDate, toFrenchDate } from '../../i18n/french-date.ts';
import { t } from '../../i18n/index.ts';

/** A date typed as jj/mm/aaaa whatever the browser's language; the value in and out is AAAA-MM-JJ ('' when empty). */
export function DateInput({ id, value, onChange, required = false }: { id: string; value: string; onChange: (iso: string) => void; required?: boolean }) {
  const [draft, setDraft] = useState(toFrenchDate(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(toFrenchDate(value)), [value]);
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder={t('fields.datePlaceholder')}
        autoComplete="off"
        required={required}
        size={10}
        value={draft}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          const iso = fromFrenchDate(event.target.value);
          setInvalid(false);
          if (iso !== null) onChange(iso);
        }}
        onBlur={() => setInvalid(fromFrenchDate(draft) === null)}
      />
      {invalid && <span className="field-hint field-error">{t('fields.dateInvalid')}</span>}
    </>
  );
}
