import { useRef } from 'react';

interface FilePickerButtonProps {
  label: string;
  accept: string;
  onFile: (file: File) => void;
  testId?: string;
  disabled?: boolean;
  className?: string;
}

/** A button that opens the file chooser; the chosen file is handed over once and the input cleared for the next. */
export function FilePickerButton({ label, accept, onFile, testId, disabled, className }: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()} disabled={disabled}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
