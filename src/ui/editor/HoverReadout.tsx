import { useLayoutEffect, useRef, useState } from 'react';
import { formatNumber, t } from '../../i18n/index.ts';
import { readoutPosition } from './readout-position.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';
import { NO_SIGNAL_DBM } from '../../../propagation/scene/types.ts';
import { cellAt } from './heatmap-image.ts';
import { REQUIREMENT_CODES } from '../../../propagation/layers/zone-statistics.ts';

/** Position under the cursor, and when a map is shown, its value there and the serving AP. */
export function HoverReadout({ document, result, hover, canvas }: { document: ProjectDocument; result: LayerResult | null; hover: { screenX: number; screenY: number; x: number; y: number }; canvas: { width: number; height: number } }) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 220, height: 64 });
  // Measured after each render: its text (and so its size) changes with the layer and the serving AP.
  useLayoutEffect(() => {
    const element = box.current;
    if (element && (element.offsetWidth !== size.width || element.offsetHeight !== size.height)) setSize({ width: element.offsetWidth, height: element.offsetHeight });
  }, [hover.x, hover.y, result, size.width, size.height]);
  const position = readoutPosition({ x: hover.screenX, y: hover.screenY }, size, canvas);
  const cell = result ? cellAt(result, hover.x, hover.y) : null;
  const apOfRadio = (radioId: string | null) => document.accessPoints.find((ap) => ap.radios.some((radio) => radio.id === radioId))?.name ?? null;
  const heard = cell && cell.value > NO_SIGNAL_DBM;
  const serving = cell ? apOfRadio(cell.radioId) : null;
  return (
    <div ref={box} className="hover-readout" data-testid="hover-readout" style={position} aria-hidden="true">
      <span>{t('editor.hover.position', { x: formatNumber(hover.x, 2), y: formatNumber(hover.y, 2) })}</span>
      {result && cell && (
        <>
          <span data-testid="hover-value">{heard ? t(`editor.hover.layer.${result.layer}`, { value: result.layer === 'requirement' ? t(`editor.heatmap.requirementCodes.${REQUIREMENT_CODES[cell.value] ?? 'ok'}`) : formatNumber(cell.value, 1) }) : t('editor.hover.noSignal')}</span>
          {serving && <span data-testid="hover-serving">{t('editor.hover.serving', { name: serving })}</span>}
        </>
      )}
    </div>
  );
}
