import type { Overlay } from '../../../editor/tool.ts';
import { formatNumber } from '../../../i18n/index.ts';

type Ctx = CanvasRenderingContext2D;

/** The tool's work in progress: polyline or polygon being drawn, selection box, measure line, snap marker. */
export function drawOverlay(ctx: Ctx, overlay: Overlay, scale: number) {
  const px = (value: number) => value / scale;
  ctx.lineWidth = px(2);
  if (overlay.polyline && overlay.polyline.points.length > 0) {
    const { points, closed } = overlay.polyline;
    ctx.beginPath();
    points.forEach((point, index) => (index === 0 ? ctx.moveTo(point.x, point.y) : ctx.lineTo(point.x, point.y)));
    if (closed) {
      ctx.closePath();
      ctx.fillStyle = 'rgba(232, 89, 12, 0.12)';
      ctx.fill();
    }
    ctx.strokeStyle = '#e8590c';
    ctx.stroke();
    ctx.fillStyle = '#e8590c';
    for (const point of points) ctx.fillRect(point.x - px(3), point.y - px(3), px(6), px(6));
  }
  if (overlay.box) {
    const { minX, minY, maxX, maxY } = overlay.box;
    ctx.fillStyle = 'rgba(11, 92, 173, 0.08)';
    ctx.fillRect(minX, minY, maxX - minX, maxY - minY);
    ctx.setLineDash([px(4), px(3)]);
    ctx.strokeStyle = '#0b5cad';
    ctx.strokeRect(minX, minY, maxX - minX, maxY - minY);
    ctx.setLineDash([]);
  }
  if (overlay.measure) {
    const { a, b } = overlay.measure;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.strokeStyle = '#6f2dbd';
    ctx.setLineDash([px(6), px(3)]);
    ctx.stroke();
    ctx.setLineDash([]);
    for (const point of [a, b]) {
      ctx.beginPath();
      ctx.arc(point.x, point.y, px(4), 0, 2 * Math.PI);
      ctx.fillStyle = '#6f2dbd';
      ctx.fill();
    }
  }
  if (overlay.snap) {
    const { point } = overlay.snap;
    ctx.beginPath();
    ctx.arc(point.x, point.y, px(7), 0, 2 * Math.PI);
    ctx.strokeStyle = '#12b886';
    ctx.stroke();
  }
  const anchor = overlay.measure?.b ?? overlay.polyline?.points.at(-1);
  if (anchor && overlay.lengthM !== null) {
    const text = overlay.areaM2 !== null ? `${formatNumber(overlay.lengthM, 2)} m · ${formatNumber(overlay.areaM2, 1)} m²` : `${formatNumber(overlay.lengthM, 2)} m`;
    ctx.font = `bold ${px(12)}px system-ui, sans-serif`;
    const width = ctx.measureText(text).width;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
    ctx.fillRect(anchor.x + px(10), anchor.y + px(8), width + px(8), px(18));
    ctx.fillStyle = '#1b1b1b';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, anchor.x + px(14), anchor.y + px(17));
  }
}

/** Walls proposed from the plan, dashed, until accepted or dismissed. */
export function drawSuggestions(ctx: Ctx, suggestions: readonly { a: { x: number; y: number }; b: { x: number; y: number } }[], scale: number) {
  if (suggestions.length === 0) return;
  ctx.beginPath();
  for (const { a, b } of suggestions) {
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
  }
  ctx.strokeStyle = 'rgba(12, 166, 120, 0.9)';
  ctx.lineWidth = 4 / scale;
  ctx.setLineDash([8 / scale, 4 / scale]);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** Colour of each class of plan line left out by the wall proposal (order of LINE_CLASSES; walls are not drawn). */
export const REJECTED_LINE_COLOURS = ['#0ca678', '#e8590c', '#868e96', '#9c36b5', '#1971c2', '#795548', '#d6336c', '#f59f00', '#2b8a3e'] as const;

/** The plan lines the proposal left out, one colour per class, so the user sees what was read as what. */
export function drawRejectedLines(ctx: Ctx, lines: { segments: readonly { a: { x: number; y: number }; b: { x: number; y: number } }[]; classIndex: Uint8Array }, scale: number) {
  ctx.lineWidth = 2 / scale;
  REJECTED_LINE_COLOURS.forEach((colour, lineClass) => {
    ctx.beginPath();
    lines.segments.forEach(({ a, b }, index) => {
      if (lines.classIndex[index] !== lineClass) return;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    });
    ctx.strokeStyle = colour;
    ctx.stroke();
  });
}

const WALK_COLOURS = ['#0b5cad', '#e8590c', '#2b8a3e', '#862e9c', '#c92a2a', '#1098ad'];

/** The client walk: the path coloured by serving AP, a ring at each handover. */
export function drawWalk(ctx: Ctx, walk: { samples: { x: number; y: number; serving: number }[]; handovers: { x: number; y: number }[] }, scale: number) {
  ctx.lineWidth = 4 / scale;
  for (let index = 1; index < walk.samples.length; index++) {
    const a = walk.samples[index - 1]!;
    const b = walk.samples[index]!;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.strokeStyle = WALK_COLOURS[Math.max(0, b.serving) % WALK_COLOURS.length]!;
    ctx.stroke();
  }
  for (const handover of walk.handovers) {
    ctx.beginPath();
    ctx.arc(handover.x, handover.y, 7 / scale, 0, 2 * Math.PI);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = '#1b1b1b';
    ctx.stroke();
  }
}
