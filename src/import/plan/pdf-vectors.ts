/**
 * Straight segments of a PDF page from pdf.js's operator list, in page units after the page's rotation (the
 * viewport at scale 1), for snapping and wall suggestion. Pure: no pdf.js import, the numeric codes come in.
 * Both encodings of `constructPath` are read: pdf.js ≤ 5.0 ([ops, coords, minMax] followed by a paint op) and
 * ≥ 5.1 ([paintOp, [pathData], minMax] with inline draw codes). Curves (door swings, furniture) are left out:
 * they are neither walls nor useful snap lines. Clipping paths are ignored.
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
  const stack: { ctm: Matrix; lineWidth: number }[] = [];
  let pending: number[] | null = null; // legacy encoding: segments waiting for their paint op
  const keep = (values: number[], paintOp: number) => {
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
    return {
      segments,
      moveTo(x: number, y: number) {
        [lastX, lastY] = map(x, y);
        [startX, startY] = [lastX, lastY];
        open = true;
      },
      lineTo(x: number, y: number) {
        const [nx, ny] = map(x, y);
        if (open && (nx !== lastX || ny !== lastY)) segments.push(lastX, lastY, nx, ny);
        [lastX, lastY] = [nx, ny];
        open = true;
      },
      jump(x: number, y: number) {
        [lastX, lastY] = map(x, y);
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
    };
    if (fn === ops.save) stack.push({ ctm, lineWidth });
    else if (fn === ops.restore) restore();
    else if (fn === ops.setLineWidth) lineWidth = Number((args as number[] | null)?.[0] ?? 1);
    else if (fn === ops.transform) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, lineWidth });
      const matrix = args?.[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) restore();
    else if (fn === ops.constructPath && args) {
      const path = emitter();
      if (typeof args[0] === 'number') {
        // pdf.js ≥ 5.1: [paintOp, [pathData], minMax]
        const paintOp = args[0];
        const data = (args[1] as ArrayLike<number>[] | null)?.[0];
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
      }
    } else if (pending) {
      if (paintOps.has(fn)) keep(pending, fn);
      pending = null;
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
