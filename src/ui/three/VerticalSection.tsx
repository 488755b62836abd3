import { useEffect, useRef, useState } from 'react';
import { colourise, type ColourScale } from '../../../propagation/layers/colour-scale.ts';
import type { SectionResult } from '../../../propagation/field/vertical-section.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import type { Scene } from '../../../propagation/scene/types.ts';
import type { Editor } from '../../editor/editor.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { CancelledError } from '../../../workers/engine-protocol.ts';
import { computeSection } from '../../../workers/section-client.ts';
import { useEditorState } from '../editor/use-editor.ts';

const PX_PER_M = 14;

/**
 * « Coupe verticale » : the best signal of the band through every level along the line last drawn with the
 * « Mesure » tool, computed in a worker, drawn with the slabs and the levels' names.
 */
export function VerticalSection({ editor, document, scene, band, scale }: { editor: Editor; document: ProjectDocument; scene: Scene; band: BandId; scale: ColourScale }) {
  const measure = useEditorState(editor, (state) => state.overlay.measure);
  const levelId = useEditorState(editor, (state) => state.levelId);
  const [result, setResult] = useState<SectionResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const usable = measure && Math.hypot(measure.b.x - measure.a.x, measure.b.y - measure.a.y) >= 1;

  const start = () => {
    if (!measure || !levelId) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setProgress({ done: 0, total: 0 });
    computeSection(scene, { levelId, from: measure.a, to: measure.b, band, stepM: Math.max(0.25, document.prediction.gridResolutionM), zStepM: 0.2 }, (done, total) => setProgress({ done, total }), controller.signal)
      .then((section) => {
        setResult(section);
        setProgress(null);
      })
      .catch((caught: unknown) => {
        setProgress(null);
        if (!(caught instanceof CancelledError)) setError((caught as Error).message);
      });
  };
  useEffect(() => () => abort.current?.abort(), []);

  useEffect(() => {
    const target = canvas.current;
    if (!target || !result) return;
    const widthPx = Math.max(120, Math.round(result.lengthM * PX_PER_M));
    const heightPx = Math.max(60, Math.round((result.zTopM - result.zBottomM) * PX_PER_M));
    target.width = widthPx;
    target.height = heightPx;
    const context = target.getContext('2d')!;
    const pixels = colourise(result.values, scale, 255);
    const image = new OffscreenCanvas(result.nAlong, result.nUp);
    image.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer as ArrayBuffer), result.nAlong, result.nUp), 0, 0);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, widthPx, heightPx);
    context.imageSmoothingEnabled = true;
    context.drawImage(image, 0, 0, widthPx, heightPx);
    context.strokeStyle = '#212529';
    context.fillStyle = '#212529';
    context.font = '12px sans-serif';
    const yOf = (z: number) => ((result.zTopM - z) / (result.zTopM - result.zBottomM)) * heightPx;
    for (const storey of result.storeys) {
      const y = yOf(storey.elevationM);
      context.lineWidth = 3;
      context.beginPath();
      context.moveTo(0, y);
      context.lineTo(widthPx, y);
      context.stroke();
      const name = document.levels.find((level) => level.id === storey.levelId)?.name ?? '';
      context.fillText(name, 4, y - 4);
    }
  }, [result, scale, document.levels]);

  return (
    <section className="panel vertical-section" aria-labelledby="section-title">
      <h3 id="section-title">{t('three.section.title')}</h3>
      <p className="muted">{usable ? t('three.section.ready', { length: formatNumber(Math.hypot(measure.b.x - measure.a.x, measure.b.y - measure.a.y), 1) }) : t('three.section.howTo')}</p>
      <div className="toolbar">
        <button type="button" disabled={!usable || progress !== null} onClick={start}>
          {t('three.section.compute', { band: band.replace('.', ',') })}
        </button>
        {progress && (
          <>
            <span role="status">{t('three.section.progress', { done: progress.done, total: progress.total })}</span>
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('three.section.cancel')}
            </button>
          </>
        )}
      </div>
      {error && <p role="alert">{error}</p>}
      {result && (
        <figure className="section-figure">
          <canvas ref={canvas} role="img" aria-label={t('three.section.figure', { length: formatNumber(result.lengthM, 1), band: band.replace('.', ',') })} data-testid="vertical-section" />
          <figcaption className="muted">{t('three.section.caption', { length: formatNumber(result.lengthM, 1), min: formatNumber(scale.min, 0), max: formatNumber(scale.max, 0) })}</figcaption>
        </figure>
      )}
    </section>
  );
}
