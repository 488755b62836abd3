import { useState } from 'react';
import type { Editor } from '../../editor/editor.ts';
import { t } from '../../i18n/index.ts';
import { printedScaleMetersPerUnit } from '../../model/plan-scale.ts';

/** The scale printed on a PDF plan (1:50, 1:100…), when the plan was exported at that scale on its paper size. */
export function PrintedScale({ editor }: { editor: Editor }) {
  const [denominator, setDenominator] = useState('100');
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const value = Number(denominator.replace(',', '.'));
    if (!(value >= 1 && value <= 100000)) return setError(t('editor.printedScale.invalid'));
    setError(null);
    editor.setScale(printedScaleMetersPerUnit(value));
  };
  return (
    <form
      className="printed-scale"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor="printed-scale">{t('editor.printedScale.label')}</label>
      <div className="button-row">
        <span aria-hidden="true">1 :</span>
        <input id="printed-scale" inputMode="numeric" value={denominator} onChange={(event) => setDenominator(event.target.value)} aria-invalid={error !== null} />
        <button type="submit">{t('editor.printedScale.apply')}</button>
      </div>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
