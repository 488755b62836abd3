import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { alignSurveyDataset } from '../../audit/audit-actions.ts';
import { applySimilarity, similarityFromPairs, type Point } from '../../audit/survey-alignment.ts';
import { useServices } from '../../app/app-services.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { visiblePlanBox } from '../../model/plan-frame.ts';
import type { ProjectDocument, SurveyDataset } from '../../model/schema.ts';
import { Dialog } from '../components/Dialog.tsx';
import { drawPlanImage } from '../editor/draw/draw-plan.ts';
import { useAssetImage } from '../editor/use-asset-image.ts';

const CANVAS_WIDTH = 720;
const MAX_PAIRS = 3;
/** A click this close (px) to a survey point picks it. */
const PICK_PX = 14;

interface Pair {
  pointIndex: number | null;
  /** The place on the plan as typed or clicked (metres, decimal comma). */
  x: string;
  y: string;
}

const EMPTY_PAIR: Pair = { pointIndex: null, x: '', y: '' };
const parse = (text: string) => {
  const value = Number(text.replace(/\s/g, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : null;
};
const targetOf = (pair: Pair): Point | null => {
  const x = parse(pair.x);
  const y = parse(pair.y);
  return x === null || y === null ? null : { x, y };
};
const decimal = (value: number) => value.toFixed(2).replace('.', ',');

/**
 * Aligning a dataset on the level's plan: up to three pairs, each a survey point (picked on the drawing or in the
 * list) and its place on the plan (clicked, or typed in metres). The points move with the similarity the pairs
 * give, shown in orange over the plan before anything is applied; with three pairs each one's residual shows a
 * wrong click. Applied as one undoable change.
 */
export function SurveyAlignment({ document, dataset, onClose }: { document: ProjectDocument; dataset: SurveyDataset; onClose: () => void }) {
  const { documents } = useServices();
  const level = document.levels.find((candidate) => candidate.id === dataset.levelId)!;
  const plan = useAssetImage(level.plan?.assetSha256 ?? null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pairs, setPairs] = useState<Pair[]>([EMPTY_PAIR]);
  const points = dataset.points.map((point) => ({ x: point.position.xM, y: point.position.yM }));
  const complete = pairs.flatMap((pair, index) => {
    const target = targetOf(pair);
    return pair.pointIndex !== null && target ? [{ index, pointIndex: pair.pointIndex, target }] : [];
  });
  const alignment = similarityFromPairs(complete.map((pair) => ({ from: points[pair.pointIndex]!, to: pair.target })));
  const moved = alignment ? points.map((point) => applySimilarity(alignment.transform, point)) : null;

  // The view: the plan and every point, before and after, with a margin.
  const view = useMemo(() => {
    const box = visiblePlanBox(level) ?? { minX: 0, minY: 0, maxX: 1, maxY: 1 };
    const all = [...points, ...(moved ?? [])];
    const minX = Math.min(box.minX, ...all.map((p) => p.x)) - 2;
    const minY = Math.min(box.minY, ...all.map((p) => p.y)) - 2;
    const maxX = Math.max(box.maxX, ...all.map((p) => p.x)) + 2;
    const maxY = Math.max(box.maxY, ...all.map((p) => p.y)) + 2;
    const scale = CANVAS_WIDTH / (maxX - minX);
    return { minX, minY, scale, height: Math.round((maxY - minY) * scale) };
    // The view is set by the plan and the dataset, not by every preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [level, dataset]);
  const toScreen = (p: Point) => ({ x: (p.x - view.minX) * view.scale, y: (p.y - view.minY) * view.scale });

  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    target.width = CANVAS_WIDTH;
    target.height = view.height;
    const context = target.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, target.width, target.height);
    if (plan) {
      context.save();
      context.scale(view.scale, view.scale);
      context.translate(-view.minX, -view.minY);
      drawPlanImage(context, plan, level);
      context.restore();
    }
    const dot = (p: Point, colour: string, radius: number) => {
      const s = toScreen(p);
      context.beginPath();
      context.arc(s.x, s.y, radius, 0, 2 * Math.PI);
      context.fillStyle = colour;
      context.fill();
    };
    for (const point of points) dot(point, 'rgba(11, 92, 173, 0.55)', 4);
    if (moved) for (const point of moved) dot(point, '#e8590c', 4);
    pairs.forEach((pair, index) => {
      const from = pair.pointIndex === null ? null : toScreen(points[pair.pointIndex]!);
      const target = targetOf(pair);
      const to = target ? toScreen(target) : null;
      context.strokeStyle = '#1b1b1b';
      context.lineWidth = 2;
      if (from) context.strokeRect(from.x - 7, from.y - 7, 14, 14);
      if (to) {
        context.beginPath();
        context.moveTo(to.x - 8, to.y);
        context.lineTo(to.x + 8, to.y);
        context.moveTo(to.x, to.y - 8);
        context.lineTo(to.x, to.y + 8);
        context.stroke();
      }
      context.fillStyle = '#1b1b1b';
      context.font = 'bold 13px sans-serif';
      if (from) context.fillText(String(index + 1), from.x + 9, from.y - 9);
      if (to) context.fillText(String(index + 1), to.x + 9, to.y - 9);
    });
  });

  const update = (index: number, patch: Partial<Pair>) => setPairs((current) => current.map((pair, i) => (i === index ? { ...pair, ...patch } : pair)));
  const click = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const sx = ((event.clientX - rect.left) / rect.width) * CANVAS_WIDTH;
    const sy = ((event.clientY - rect.top) / rect.height) * view.height;
    const metres = { x: sx / view.scale + view.minX, y: sy / view.scale + view.minY };
    const index = pairs.findIndex((pair) => pair.pointIndex === null || targetOf(pair) === null);
    const open = index === -1 ? (pairs.length < MAX_PAIRS ? pairs.length : -1) : index;
    if (open === -1) return;
    const pair = pairs[open] ?? EMPTY_PAIR;
    if (pair.pointIndex === null) {
      let nearest = -1;
      let best = PICK_PX;
      points.forEach((point, pointIndex) => {
        const s = toScreen(point);
        const d = Math.hypot(s.x - sx, s.y - sy);
        if (d < best) [nearest, best] = [pointIndex, d];
      });
      if (nearest < 0) return;
      setPairs((current) => (open < current.length ? current.map((p, i) => (i === open ? { ...p, pointIndex: nearest } : p)) : [...current, { ...EMPTY_PAIR, pointIndex: nearest }]));
    } else update(open, { x: decimal(metres.x), y: decimal(metres.y) });
  };
  const apply = () => {
    if (!alignment) return;
    const action = alignSurveyDataset(dataset.id, alignment.transform, t('audit.align.action', { name: dataset.name }));
    documents.getState().change(action.label, action.recipe);
    onClose();
  };
  const degrees = alignment ? (alignment.transform.rotationRad * 180) / Math.PI : 0;

  return (
    <Dialog title={t('audit.align.title', { name: dataset.name })} confirmLabel={t('audit.align.apply')} onConfirm={apply} onCancel={onClose}>
      <p>{t('audit.align.explain')}</p>
      <canvas ref={canvas} className="alignment-canvas" onClick={click} role="img" aria-label={t('audit.align.canvas')} data-testid="alignment-canvas" data-view={`${view.scale} ${view.minX} ${view.minY}`} />
      <table className="data-table" data-testid="alignment-pairs">
        <caption>{t('audit.align.pairs')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.align.pair')}</th>
            <th scope="col">{t('audit.align.surveyPoint')}</th>
            <th scope="col">{t('audit.align.planX')}</th>
            <th scope="col">{t('audit.align.planY')}</th>
            <th scope="col" className="num">{t('audit.align.residual')}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair, index) => {
            const rank = complete.findIndex((entry) => entry.index === index);
            return (
              <tr key={index}>
                <th scope="row">{index + 1}</th>
                <td>
                  <select aria-label={t('audit.align.surveyPointOf', { index: index + 1 })} value={pair.pointIndex ?? ''} onChange={(event) => update(index, { pointIndex: event.target.value === '' ? null : Number(event.target.value) })}>
                    <option value="">{t('audit.align.choose')}</option>
                    {points.map((point, pointIndex) => (
                      <option key={pointIndex} value={pointIndex}>
                        {t('audit.align.pointOption', { index: pointIndex + 1, x: formatNumber(point.x, 2), y: formatNumber(point.y, 2) })}
                      </option>
                    ))}
                  </select>
                </td>
                {(['x', 'y'] as const).map((axis) => (
                  <td key={axis}>
                    <input
                      type="text"
                      inputMode="decimal"
                      aria-label={t(axis === 'x' ? 'audit.align.planXOf' : 'audit.align.planYOf', { index: index + 1 })}
                      value={pair[axis]}
                      onChange={(event) => update(index, { [axis]: event.target.value })}
                    />
                  </td>
                ))}
                <td className="num">{rank >= 0 && alignment && complete.length >= 3 ? t('units.m', { value: formatNumber(alignment.residualsM[rank]!, 2) }) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button type="button" disabled={pairs.length >= MAX_PAIRS} onClick={() => setPairs((current) => [...current, EMPTY_PAIR])}>
          {t('audit.align.addPair')}
        </button>
        <button type="button" onClick={() => setPairs([EMPTY_PAIR])}>
          {t('audit.align.reset')}
        </button>
      </div>
      <p role="status" data-testid="alignment-summary">
        {alignment ? t('audit.align.summary', { scale: formatNumber(alignment.transform.scale, 3), angle: formatNumber(degrees, 1), x: formatNumber(alignment.transform.tx, 2), y: formatNumber(alignment.transform.ty, 2) }) : t('audit.align.none')}
      </p>
    </Dialog>
  );
}
