/**
 * Exact wall loss on a grid in O(walls × rows + cells) per AP instead of O(walls × cells).
 *
 * The cells whose segment from the AP crosses a wall form the wall's shadow: beyond the wall's line, inside the
 * wedge the AP sees the wall under. Every condition is a linear inequality in the cell centre (x, y), including
 * the window of the path parameter t (levels and wall heights), so on one grid row the shadow is one interval of
 * x. Each wall adds its loss to a difference array at the interval's ends; one prefix sum per row then gives the
 * total loss of every cell. field/brute-force.ts is the oracle this must equal: cells whose centre lies on an
 * interval's end (a path through a wall end, along a wall, from an AP on a wall), and walls nearly in line with the
 * AP, are decided by the shared rule of wall-crossing.ts, so the two agree on every cell.
 */
import type { GridSpec } from '../scene/types.ts';
import type { PathContext } from './path-context.ts';
import { pathCountsWall } from './wall-crossing.ts';

export interface RowReach {
  /** Per row: first and last column inside the AP's reach (inclusive), or first > last when none. */
  first: Int32Array;
  last: Int32Array;
}

const COLLINEAR_EPS = 1e-12;
/** Kinds of a shadow constraint on one row: a lower or upper column bound, or a condition on the row alone. */
const LOWER = 1;
const UPPER = 2;
const ROW_STRICT = 3;
const ROW_OPEN = 4;
const kinds = new Uint8Array(5);
const slopes = new Float64Array(5);
const offsets = new Float64Array(5);
const rowB = new Float64Array(5);
const rowC = new Float64Array(5);
/** A cell centre this close (in cells) to an interval end is decided by the shared crossing rule itself. */
const TIE_CELLS = 1e-7;

/**
 * Adds the wall loss of each requested band (indices into lossDb) to `outputs[k]` (length nx·ny, row-major).
 * `scratch` must hold (nx + 1)·ny·bandIndices.length numbers; it is cleared here.
 */
export function accumulateWallLoss(context: PathContext, grid: GridSpec, reach: RowReach, bandIndices: readonly number[], outputs: Float32Array[], scratch: Float64Array): void {
  const { nx, ny, originX, originY, resolutionM } = grid;
  const stride = nx + 1;
  const plane = stride * ny;
  const bandCount = bandIndices.length;
  scratch.fill(0, 0, plane * bandCount);
  const { px, py } = context;
  const inverseResolution = 1 / resolutionM;
  let firstRow = ny;
  let lastRow = -1;
  for (let row = 0; row < ny; row++) {
    if (reach.first[row]! <= reach.last[row]!) {
      if (row < firstRow) firstRow = row;
      lastRow = row;
    }
  }
  if (lastRow < 0) return;

  /** Adds `wall`'s loss to the columns [from, to] of `row`. */
  const addSpan = (wall: PathContext['walls'][number], row: number, from: number, to: number) => {
    const base = row * stride;
    for (let band = 0; band < bandCount; band++) {
      const loss = wall.lossDb[bandIndices[band]!]!;
      const offset = band * plane + base;
      scratch[offset + from]! += loss;
      scratch[offset + to + 1]! -= loss;
    }
  };
  /** The shared rule cell by cell over a row's reach (walls in line with the AP, rows along a boundary). */
  const addByRule = (wall: PathContext['walls'][number], row: number) => {
    const y = originY + (row + 0.5) * resolutionM;
    let start = -1;
    for (let column = reach.first[row]!; column <= reach.last[row]! + 1; column++) {
      const inside = column <= reach.last[row]! && pathCountsWall(wall, px, py, originX + (column + 0.5) * resolutionM, y);
      if (inside && start < 0) start = column;
      else if (!inside && start >= 0) {
        addSpan(wall, row, start, column - 1);
        start = -1;
      }
    }
  };

  /**
   * A source a hair off the line of a wall it lies beyond (a turning point next to a wall's end, a wall in line
   * with the AP): a path it sends across the wall meets the line at X, outside the source's end of the wall, so
   * the cell is within δ·|XC|/|PX| of the line (δ the source's distance to the line). When that bound is under a
   * third of a cell for every cell of the grid, only the cells next to the line can count: the rule is applied to
   * those alone. Returns false when the bound does not hold (the caller then applies the rule to every cell).
   */
  const addNearLine = (wall: PathContext['walls'][number], orientP: number): boolean => {
    const { ax, ay, bx, by } = wall;
    const wx = bx - ax;
    const wy = by - ay;
    const length = Math.hypot(wx, wy);
    const along = ((px - ax) * wx + (py - ay) * wy) / length;
    const outside = along < 0 ? -along : along - length;
    if (!(outside > 0)) return false;
    const extent = Math.hypot(nx * resolutionM, ny * resolutionM) + Math.hypot(px - originX, py - originY) + length;
    const delta = Math.abs(orientP) / length;
    if (!((delta * extent) / outside < resolutionM / 3)) return false;
    const mark = (row: number, column: number) => {
      if (row < firstRow || row > lastRow || column < reach.first[row]! || column > reach.last[row]!) return;
      if (pathCountsWall(wall, px, py, originX + (column + 0.5) * resolutionM, originY + (row + 0.5) * resolutionM)) addSpan(wall, row, column, column);
    };
    if (Math.abs(wy) >= Math.abs(wx)) {
      // Steep line: in each row, the columns beside the point where the line meets the row's centre line.
      for (let row = firstRow; row <= lastRow; row++) {
        const y = originY + (row + 0.5) * resolutionM;
        const centre = Math.round((ax + (wx * (y - ay)) / wy - originX) * inverseResolution - 0.5);
        for (let column = centre - 1; column <= centre + 1; column++) mark(row, column);
      }
    } else {
      let firstColumn = nx;
      let lastColumn = -1;
      for (let row = firstRow; row <= lastRow; row++) {
        if (reach.first[row]! > reach.last[row]!) continue;
        firstColumn = Math.min(firstColumn, reach.first[row]!);
        lastColumn = Math.max(lastColumn, reach.last[row]!);
      }
      for (let column = firstColumn; column <= lastColumn; column++) {
        const x = originX + (column + 0.5) * resolutionM;
        const centre = Math.round((ay + (wy * (x - ax)) / wx - originY) * inverseResolution - 0.5);
        for (let row = centre - 1; row <= centre + 1; row++) mark(row, column);
      }
    }
    return true;
  };

  for (const wall of context.walls) {
    const { ax, ay, bx, by } = wall;
    const wx = bx - ax;
    const wy = by - ay;
    const orientP = wx * (py - ay) - wy * (px - ax);
    const scale = Math.abs(wx) + Math.abs(wy);
    if (Math.abs(orientP) <= COLLINEAR_EPS * scale * (scale + Math.abs(px - ax) + Math.abs(py - ay))) {
      if (orientP === 0) {
        // Exactly on the wall's line: the rule gives the same answer for every cell (all of them when on the wall).
        if (pathCountsWall(wall, px, py, px + 1, py + 1)) for (let row = firstRow; row <= lastRow; row++) if (reach.first[row]! <= reach.last[row]!) addSpan(wall, row, reach.first[row]!, reach.last[row]!);
        continue;
      }
      if (!addNearLine(wall, orientP)) for (let row = firstRow; row <= lastRow; row++) if (reach.first[row]! <= reach.last[row]!) addByRule(wall, row);
      continue;
    }
    const s = orientP > 0 ? 1 : -1;
    const absOrientP = Math.abs(orientP);

    // Constraints, each "a·x + b·y + c > 0" (or ≥ for the t-window: the boundary has no area).
    // 1: beyond the wall's line: −s·orient(A, B, C) > 0, orient(A, B, C) = −wy·x + wx·y + (wy·ax − wx·ay).
    const a1 = s * wy;
    const b1 = -s * wx;
    const c1 = -s * (wy * ax - wx * ay);
    // 2: s·orient(P, A, C) > 0 ; 3: −s·orient(P, B, C) > 0 (inside the wedge seen from P).
    const pax = ax - px;
    const pay = ay - py;
    const pbx = bx - px;
    const pby = by - py;
    const a2 = -s * pay;
    const b2 = s * pax;
    const c2 = s * (pay * px - pax * py);
    const a3 = s * pby;
    const b3 = -s * pbx;
    const c3 = -s * (pby * px - pbx * py);
    // 4: t ≥ tMin ⇔ |orient(A,B,C)| ≤ |oP|·(1 − tMin)/tMin ⇔ K + s·orient(A,B,C) ≥ 0.
    const hasLow = wall.tMin > 0;
    const k4 = hasLow ? (absOrientP * (1 - wall.tMin)) / wall.tMin : 0;
    // 5: t ≤ tMax ⇔ |orient(A,B,C)| ≥ |oP|·(1 − tMax)/tMax ⇔ −s·orient(A,B,C) − K ≥ 0.
    const hasHigh = wall.tMax < 1;
    const k5 = hasHigh ? (absOrientP * (1 - wall.tMax)) / wall.tMax : 0;

    // Each constraint as a bound on the column, linear in y: a > 0 gives u(y) = m·y + q below which no cell
    // counts, a < 0 an upper bound v(y); a = 0 leaves a condition on y alone (b·y + c > 0, or ≥ for the t-window).
    let bounds = 0;
    const addConstraint = (a: number, b: number, c: number, strict: boolean) => {
      if (a !== 0) {
        kinds[bounds] = a > 0 ? LOWER : UPPER;
        slopes[bounds] = -b / (a * resolutionM);
        offsets[bounds] = (-c / a - originX) * inverseResolution - 0.5;
      } else {
        kinds[bounds] = strict ? ROW_STRICT : ROW_OPEN;
      }
      rowB[bounds] = b;
      rowC[bounds] = c;
      bounds++;
    };
    addConstraint(a1, b1, c1, true);
    addConstraint(a2, b2, c2, true);
    addConstraint(a3, b3, c3, true);
    // 4: K − (a1·x + b1·y + c1) ≥ 0 ; 5: a1·x + b1·y + c1 − K ≥ 0.
    if (hasLow) addConstraint(-a1, -b1, k4 - c1, false);
    if (hasHigh) addConstraint(a1, b1, c1 - k5, false);

    // Rows the shadow can reach: beyond the wall, away from the AP.
    let rowFrom = firstRow;
    let rowTo = lastRow;
    const minWallY = Math.min(ay, by);
    const maxWallY = Math.max(ay, by);
    if (minWallY > py) rowFrom = Math.max(rowFrom, Math.floor((minWallY - originY) * inverseResolution - 0.5));
    else if (maxWallY < py) rowTo = Math.min(rowTo, Math.ceil((maxWallY - originY) * inverseResolution - 0.5));

    rows: for (let row = rowFrom; row <= rowTo; row++) {
      const firstColumn = reach.first[row]!;
      const lastColumn = reach.last[row]!;
      if (firstColumn > lastColumn) continue;
      const y = originY + (row + 0.5) * resolutionM;
      // Cells whose centre column lies strictly inside (u, v); a row lying exactly on a boundary line, or a centre on
      // an end, is decided by the shared rule.
      let u = -Infinity;
      let v = Infinity;
      for (let index = 0; index < bounds; index++) {
        const kind = kinds[index]!;
        if (kind === LOWER) {
          const bound = slopes[index]! * y + offsets[index]!;
          if (bound > u) u = bound;
        } else if (kind === UPPER) {
          const bound = slopes[index]! * y + offsets[index]!;
          if (bound < v) v = bound;
        } else {
          const c = rowB[index]! * y + rowC[index]!;
          if (kind === ROW_STRICT ? c <= 0 : c < 0) {
            if (c === 0 && kind === ROW_STRICT) addByRule(wall, row);
            continue rows;
          }
        }
      }
      if (!(u < v)) {
        const k = Math.round(u);
        if (Number.isFinite(u) && Math.abs(u - v) <= TIE_CELLS && Math.abs(u - k) <= TIE_CELLS && k >= firstColumn && k <= lastColumn && pathCountsWall(wall, px, py, originX + (k + 0.5) * resolutionM, y)) addSpan(wall, row, k, k);
        continue;
      }
      let from = Math.floor(u) + 1;
      let to = Math.ceil(v) - 1;
      const lowTie = Math.round(u);
      if (Math.abs(u - lowTie) <= TIE_CELLS) from = pathCountsWall(wall, px, py, originX + (lowTie + 0.5) * resolutionM, y) ? lowTie : lowTie + 1;
      const highTie = Math.round(v);
      if (Math.abs(v - highTie) <= TIE_CELLS) to = pathCountsWall(wall, px, py, originX + (highTie + 0.5) * resolutionM, y) ? highTie : highTie - 1;
      if (from < firstColumn) from = firstColumn;
      if (to > lastColumn) to = lastColumn;
      if (from > to) continue;
      addSpan(wall, row, from, to);
    }
  }

  for (let band = 0; band < bandCount; band++) {
    const output = outputs[band]!;
    const offset = band * plane;
    for (let row = firstRow; row <= lastRow; row++) {
      const firstColumn = reach.first[row]!;
      const lastColumn = reach.last[row]!;
      if (firstColumn > lastColumn) continue;
      let sum = 0;
      const base = offset + row * stride;
      const outBase = row * nx;
      for (let column = firstColumn; column <= lastColumn; column++) {
        sum += scratch[base + column]!;
        output[outBase + column] = sum;
      }
    }
  }
}
