import { useState } from 'react';
import type { Editor } from '../../editor/editor.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { Dialog } from '../components/Dialog.tsx';

/** Asks for the real length of the reference picked with the scale tool. */
export function CalibrationDialog({ editor, measuredM }: { editor: Editor; measuredM: number }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    const length = Number(value.replace(',', '.'));
    if (!(length > 0) || !Number.isFinite(length)) return setError(t('editor.calibration.invalid'));
    editor.calibrate(length);
  };
  return (
    <Dialog title={t('editor.calibration.title')} confirmLabel={t('editor.calibration.apply')} onConfirm={confirm} onCancel={() => editor.setTool('select')}>
      <p>{t('editor.calibration.explain', { current: formatNumber(measuredM, 2) })}</p>
      <div className="field">
        <label htmlFor="calibration-length">{t('editor.calibration.length')}</label>
        <input id="calibration-length" name="calibration-length" inputMode="decimal" autoFocus value={value} onChange={(event) => setValue(event.target.value)} aria-invalid={error !== null} />
      </div>
      {error && <p role="alert">{error}</p>}
    </Dialog>
  );
}
