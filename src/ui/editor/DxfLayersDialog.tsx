import { useState } from 'react';
import type { DxfLayerChoice } from '../../import/plan/dxf-plan.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { DXF_UNIT_M } from '../../model/plan-scale.ts';
import { Dialog } from '../components/Dialog.tsx';

const UNIT_CHOICES = [6, 5, 4, 1, 2] as const; // m, cm, mm, in, ft

export interface DxfLayersRequest {
  layers: DxfLayerChoice[];
  knownMetersPerUnit: number | null;
  leftOut: [string, number][];
  resolve: (choice: { layers: string[]; metersPerUnit: number }) => void;
  reject: () => void;
}

/** Which DXF layers to keep, and the drawing unit when the file does not say it. */
export function DxfLayersDialog({ request }: { request: DxfLayersRequest }) {
  const [kept, setKept] = useState(() => new Set(request.layers.filter((layer) => !layer.hidden).map((layer) => layer.name)));
  const [unit, setUnit] = useState<string>(request.knownMetersPerUnit ? String(request.knownMetersPerUnit) : '');
  const [error, setError] = useState<string | null>(null);
  const toggle = (name: string) =>
    setKept((current) => {
      const next = new Set(current);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  const confirm = () => {
    const metersPerUnit = Number(unit);
    if (!(metersPerUnit > 0)) return setError(t('editor.dxf.unitMissing'));
    if (kept.size === 0) return setError(t('editor.dxf.noLayer'));
    request.resolve({ layers: [...kept], metersPerUnit });
  };
  return (
    <Dialog title={t('editor.dxf.title')} confirmLabel={t('editor.dxf.confirm')} onConfirm={confirm} onCancel={request.reject}>
      <fieldset className="dxf-layers">
        <legend>{t('editor.dxf.layers')}</legend>
        {request.layers.map((layer) => (
          <label key={layer.name} className="checkbox">
            <input type="checkbox" checked={kept.has(layer.name)} onChange={() => toggle(layer.name)} />
            {t('editor.dxf.layer', { name: layer.name, count: formatNumber(layer.count) })}
            {layer.hidden && <span className="muted"> {t('editor.dxf.hidden')}</span>}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="dxf-unit">{request.knownMetersPerUnit ? t('editor.dxf.unitKnown') : t('editor.dxf.unitAsk')}</label>
        <select id="dxf-unit" value={unit} onChange={(event) => setUnit(event.target.value)} aria-invalid={!unit}>
          <option value="" disabled>
            {t('editor.dxf.unitPlaceholder')}
          </option>
          {UNIT_CHOICES.map((code) => (
            <option key={code} value={String(DXF_UNIT_M[code])}>
              {t(`editor.dxf.units.u${code}`)}
            </option>
          ))}
        </select>
      </div>
      {request.leftOut.length > 0 && <p className="muted">{t('editor.dxf.leftOut', { types: request.leftOut.map(([type, count]) => `${type} (${count})`).join(', ') })}</p>}
      {error && <p role="alert">{error}</p>}
    </Dialog>
  );
}
