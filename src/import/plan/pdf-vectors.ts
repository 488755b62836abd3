/**
 * Straight segments of a PDF page from pdf.js's operator list, in page units after the page's rotation (the
 * viewport at scale 1), for snapping and wall suggestion. Pure: no pdf.js import, the numeric codes come in.
 * Both encodings of `constructPath` are read: pdf.js ≤ 5.0 ([ops, coords, minMax] followed by a paint op) and
 * ≥ 5.1 ([paintOp, [pathData], minMax] with inline draw codes). Curves (door swings, furniture) are left out:
 * they are neither walls nor useful snap lines. Clipping paths are honoured by their bounding box: each line is cut
 * to the box of the current clip (hatching drawn long and clipped to a room stays inside the room); a clip that is
 * not a rectangle keeps what lies inside its box.
 */
import { compose as multiply, type Affine } from './affine.ts';

export type Matrix = Affine;

export interface PdfOps {
  setLineWidth: number;
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  moveTo: number;
  lineTo: number;
  curveTo: number;
  curveTo2: number;
  curveTo3: number;
  closePath: number;
  rectangle: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  clip: number;
  eoClip: number;
  endPath: number;
}

/** pdf.js ≥ 5.1 inline drawing codes inside `constructPath`. */
const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

export interface ExtractOptions {
  /** Stops early (the caller's cancel). */
  shouldStop?: () => boolean;
  /** Safety cap on the number of segments kept. */
  maxSegments?: number;
}

/** A line style of the page: filled shapes, or strokes of one width (points on the page, after scaling). */
export interface PdfLineStyle {
  filled: boolean;
  widthPt: number;
  count: number;
}

export interface PdfSegments {
  /** x0, y0, x1, y1, … grouped by style, in the order of `styles`. */
  segments: Float32Array;
  styles: PdfLineStyle[];
}

/** Straight segments of the page grouped by line style (for wall suggestion per style). */
export function extractSegments(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: PdfOps, viewportTransform: Matrix, options: ExtractOptions = {}): PdfSegments {
  const maxSegments = options.maxSegments ?? 2_000_000;
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const paintOps = new Set([...strokeOps, ops.fill, ops.eoFill]);
  const byStyle = new Map<string, { style: PdfLineStyle; values: number[] }>();
  let total = 0;
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  let clip: ClipBox | null = null;
  let clipNext = false; // pdf.js ≥ 5.1: the clip operator comes before the path it clips with
  const stack: { ctm: Matrix; lineWidth: number; clip: ClipBox | null }[] = [];
  let pending: number[] | null = null; // legacy encoding: segments waiting for their paint op
  let pendingBox: ClipBox | null = null;
  const keep = (raw: number[], paintOp: number) => {
    const values = clip ? clipSegments(raw, clip) : raw;
    if (values.length === 0) return;
    const filled = !strokeOps.has(paintOp);
    // Stroke width on the page: the user-space width scaled by the transform (geometric mean of its axes).
    const widthPt = filled ? 0 : Math.round(lineWidth * Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) * 100) / 100;
    const key = filled ? 'fill' : `stroke:${widthPt}`;
    const group = byStyle.get(key) ?? { style: { filled, widthPt, count: 0 }, values: [] };
    byStyle.set(key, group);
    for (const value of values) group.values.push(value);
    group.style.count += values.length / 4;
    total += values.length / 4;
  };

  const emitter = () => {
    const full = multiply(viewportTransform, ctm);
    const segments: number[] = [];
    let startX = 0;
    let startY = 0;
    let lastX = 0;
    let lastY = 0;
    let open = false;
    const map = (x: number, y: number): [number, number] => [full[0] * x + full[2] * y + full[4], full[1] * x + full[3] * y + full[5]];
    const box: ClipBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    const grow = (x: number, y: number) => {
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
    };
    return {
      segments,
      map,
      box: () => (box.minX <= box.maxX ? { ...box } : null),
      moveTo(x: number, y: number) {
        [lastX, lastY] = map(x, y);
        grow(lastX, lastY);
        [startX, startY] = [lastX, lastY];
        open = true;
      },
      lineTo(x: number, y: number) {
        const [nx, ny] = map(x, y);
        grow(nx, ny);
        if (open && (nx !== lastX || ny !== lastY)) segments.push(lastX, lastY, nx, ny);
        [lastX, lastY] = [nx, ny];
        open = true;
      },
      jump(x: number, y: number) {
        [lastX, lastY] = map(x, y);
        grow(lastX, lastY);
      },
      close() {
        if (open && (startX !== lastX || startY !== lastY)) segments.push(lastX, lastY, startX, startY);
        [lastX, lastY] = [startX, startY];
      },
      rectangle(x: number, y: number, w: number, h: number) {
        this.moveTo(x, y);
        this.lineTo(x + w, y);
        this.lineTo(x + w, y + h);
        this.lineTo(x, y + h);
        this.close();
      },
    };
  };

  for (let index = 0; index < fnArray.length; index++) {
    if (total >= maxSegments || options.shouldStop?.()) break;
    const fn = fnArray[index]!;
    const args = argsArray[index] as unknown[] | null;
    const restore = () => {
      const saved = stack.pop();
      ctm = saved?.ctm ?? [1, 0, 0, 1, 0, 0];
      lineWidth = saved?.lineWidth ?? 1;
      clip = saved?.clip ?? null;
    };
    if (fn === ops.clip || fn === ops.eoClip) {
      // Legacy encoding: the path is already built and waits for endPath; newer: the path follows.
      if (pending && pendingBox) clip = intersect(clip, pendingBox);
      else clipNext = true;
      continue;
    }
    if (fn === ops.save) stack.push({ ctm, lineWidth, clip });
    else if (fn === ops.restore) restore();
    else if (fn === ops.setLineWidth) lineWidth = Number((args as number[] | null)?.[0] ?? 1);
    else if (fn === ops.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, lineWidth, clip });
      const matrix = args?.[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) restore();
    else if (fn === ops.constructPath && args) {
      const path = emitter();
      if (typeof args[0] === 'number') {
        // pdf.js ≥ 5.1: [paintOp, [pathData], minMax]
        const paintOp = args[0];
        const data = (args[1] as ArrayLike<number>[] | null)?.[0];
        if (clipNext) {
          clipNext = false;
          const box = data ? pathBox(data, path.map) : null;
          if (box) clip = intersect(clip, box);
        }
        if (!data || !paintOps.has(paintOp)) continue;
        for (let i = 0; i < data.length; ) {
          const code = data[i++]!;
          if (code === DRAW.moveTo) path.moveTo(data[i++]!, data[i++]!);
          else if (code === DRAW.lineTo) path.lineTo(data[i++]!, data[i++]!);
          else if (code === DRAW.curveTo) {
            i += 4;
            path.jump(data[i++]!, data[i++]!);
          } else if (code === DRAW.quadraticCurveTo) {
            i += 2;
            path.jump(data[i++]!, data[i++]!);
          } else if (code === DRAW.closePath) path.close();
          else break;
        }
        keep(path.segments, paintOp);
      } else {
        // pdf.js ≤ 5.0: [ops[], coords[], minMax]; the paint op is the next operator.
        const codes = args[0] as number[];
        const coords = args[1] as number[];
        let c = 0;
        for (const code of codes) {
          if (code === ops.moveTo) path.moveTo(coords[c++]!, coords[c++]!);
          else if (code === ops.lineTo) path.lineTo(coords[c++]!, coords[c++]!);
          else if (code === ops.curveTo) {
            c += 4;
            path.jump(coords[c++]!, coords[c++]!);
          } else if (code === ops.curveTo2 || code === ops.curveTo3) {
            c += 2;
            path.jump(coords[c++]!, coords[c++]!);
          } else if (code === ops.rectangle) path.rectangle(coords[c++]!, coords[c++]!, coords[c++]!, coords[c++]!);
          else if (code === ops.closePath) path.close();
        }
        pending = path.segments;
        pendingBox = path.box();
      }
    } else if (pending) {
      if (paintOps.has(fn)) keep(pending, fn);
      pending = null;
      pendingBox = null;
    }
  }
  const groups = [...byStyle.values()].sort((a, b) => Number(a.style.filled) - Number(b.style.filled) || a.style.widthPt - b.style.widthPt);
  const segments = new Float32Array(total * 4);
  let offset = 0;
  for (const group of groups) {
    segments.set(group.values, offset);
    offset += group.values.length;
  }
  return { segments, styles: groups.map((group) => group.style) };
}

interface ClipBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function intersect(current: ClipBox | null, next: ClipBox): ClipBox {
  if (!current) return next;
  return { minX: Math.max(current.minX, next.minX), minY: Math.max(current.minY, next.minY), maxX: Math.min(current.maxX, next.maxX), maxY: Math.min(current.maxY, next.maxY) };
}

/** Bounding box, on the page, of every point of a pdf.js ≥ 5.1 path (control points included: a safe bound). */
function pathBox(data: ArrayLike<number>, map: (x: number, y: number) => [number, number]): ClipBox | null {
  const box: ClipBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const take = (x: number, y: number) => {
    const [px, py] = map(x, y);
    box.minX = Math.min(box.minX, px);
    box.minY = Math.min(box.minY, py);
    box.maxX = Math.max(box.maxX, px);
    box.maxY = Math.max(box.maxY, py);
  };
  const pointsOf = [1, 1, 3, 2, 0];
  for (let i = 0; i < data.length; ) {
    const code = data[i++]!;
    const count = pointsOf[code];
    if (count === undefined) break;
    for (let k = 0; k < count; k++) take(data[i++]!, data[i++]!);
  }
  return box.minX <= box.maxX ? box : null;
}

/** Cuts x0,y0,x1,y1 quadruples to the box (Liang–Barsky); lines wholly outside go. */
function clipSegments(values: readonly number[], box: ClipBox): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 4) {
    const x0 = values[i]!;
    const y0 = values[i + 1]!;
    const dx = values[i + 2]! - x0;
    const dy = values[i + 3]! - y0;
    let t0 = 0;
    let t1 = 1;
    const edges: [number, number][] = [
      [-dx, x0 - box.minX],
      [dx, box.maxX - x0],
      [-dy, y0 - box.minY],
      [dy, box.maxY - y0],
    ];
    let inside = true;
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < -1e-9) inside = false;
      } else {
        const r = q / p;
        if (p < 0) t0 = Math.max(t0, r);
        else t1 = Math.min(t1, r);
      }
    }
    if (!inside || t0 > t1) continue;
    if (t0 === 0 && t1 === 1) out.push(x0, y0, x0 + dx, y0 + dy);
    else out.push(x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy);
  }
  return out;
}
