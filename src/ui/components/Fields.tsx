import { useEffect, useId, useState } from 'react';
import { fromFrenchDate, toFrenchDate } from '../../i18n/french-date.ts';
import { formatNumber, t } from '../../i18n/index.ts';

interface CommitFieldProps {
  label: string;
  value: string;
  /** Returns false when the change was refused: the text stays in the field, marked invalid, for the user to fix. */
  onCommit: (value: string) => boolean | void;
  /** The stored limit: typing stops there and the count shows as it nears. */
  maxLength?: number;
  type?: 'text' | 'date' | 'number';
  multiline?: boolean;
  required?: boolean;
  step?: number;
  name?: string;
  hideLabel?: boolean;
}

/** A text input that edits locally and commits once on blur or Enter, so one edit is one undo step. */
export function CommitField({ label, value, onCommit, type = 'text', multiline = false, required = false, step, name, hideLabel = false, maxLength }: CommitFieldProps) {
  // Dates are typed jj/mm/aaaa whatever the browser's language, and committed as AAAA-MM-JJ.
  const isDate = type === 'date';
  const shown = isDate ? toFrenchDate(value) : value;
  const [draft, setDraft] = useState(shown);
  const [refused, setRefused] = useState(false);
  const id = useId();
  const hintId = useId();
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    if (draft === shown) return;
    if (required && draft.trim() === '') return setDraft(shown);
    const committed = isDate ? fromFrenchDate(draft) : draft;
    if (committed === null) return setRefused(true);
    setRefused(onCommit(committed) === false);
  };
  const nearLimit = maxLength !== undefined && draft.length >= maxLength * 0.9;
  const common = {
    id,
    name,
    value: draft,
    maxLength,
    'aria-invalid': refused || undefined,
    'aria-describedby': nearLimit || (isDate && refused) ? hintId : undefined,
    onBlur: commit,
    onChange: (event: { target: { value: string } }) => {
      setRefused(false);
      setDraft(event.target.value);
    },
  };
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          type={isDate ? 'text' : type}
          {...(isDate ? { inputMode: 'numeric' as const, placeholder: t('fields.datePlaceholder'), size: 10 } : {})}
          step={step}
          required={required}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {isDate && refused && (
        <p id={hintId} className="field-hint field-error">
          {t('fields.dateInvalid')}
        </p>
      )}
      {nearLimit && (
        <p id={hintId} className="field-hint" aria-live="polite">
          {t('fields.charsUsed', { count: formatNumber(draft.length, 0), max: formatNumber(maxLength!, 0) })}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  name?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, name }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
