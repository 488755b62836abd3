import { useEffect, useId, useState } from 'react';

interface CommitFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  type?: 'text' | 'date' | 'number';
  multiline?: boolean;
  required?: boolean;
  step?: number;
  name?: string;
  hideLabel?: boolean;
}

/** A text input that edits locally and commits once on blur or Enter, so one edit is one undo step. */
export function CommitField({ label, value, onCommit, type = 'text', multiline = false, required = false, step, name, hideLabel = false }: CommitFieldProps) {
  const [draft, setDraft] = useState(value);
  const id = useId();
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft === value) return;
    if (required && draft.trim() === '') return setDraft(value);
    onCommit(draft);
  };
  const common = {
    id,
    name,
    value: draft,
    onBlur: commit,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
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
          type={type}
          step={step}
          required={required}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
            if (event.key === 'Escape') setDraft(value);
          }}
        />
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
