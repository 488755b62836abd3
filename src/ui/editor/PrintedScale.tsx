import { useState } from 'react';
import type { Editor } from '../../editor/editor.ts';
import { t } from '../../i18n/index.ts';
import { printedScaleDenominator, printedScaleMetersPerUnit } from '../../model/plan-scale.ts';

/**
 * The scale printed on a PDF plan (1:50, 1:100…), when the plan was exported at that scale on its paper size. It
 * shows the level's current scale, whichever way it was set (typed here, or measured by calibration).
 */
export function PrintedScale({ editor, metersPerUnit }: { editor: Editor; metersPerUnit: number | null }) {
  const current = String(metersPerUnit ? printedScaleDenominator(metersPerUnit) : 100);
  const [denominator, setDenominator] = useState(current);
  const [shown, setShown] = useState(current);
  // The level's scale changed elsewhere (calibration, undo): show it instead of what was typed before.
  if (shown !== current) {
    setShown(current);
    setDenominator(current);
  }
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
