import { distance, type Point } from '../geometry.ts';
import { snapPoint, type SnapResult } from '../snapping.ts';
import type { Editor } from '../editor.ts';
import type { PointerInput } from '../tool.ts';

/** Vertices placed so far plus the snapped cursor; shared by the wall and area tools. */
export class PolylineDraft {
  points: Point[] = [];
  cursor: SnapResult | null = null;

  constructor(private readonly editor: Editor) {}

  get active(): boolean {
    return this.points.length > 0;
  }

  snap(input: PointerInput): SnapResult {
    return snapPoint(input.point, this.editor.snapSources(), { toleranceM: input.toleranceM, from: this.points.at(-1) ?? null, constrain: input.shift });
  }

  /** Adds the snapped point unless it repeats the last vertex (the second press of a double-click). */
  add(input: PointerInput): Point {
    const { point } = this.snap(input);
    const last = this.points.at(-1);
    if (!last || distance(last, point) > 1e-6) this.points.push(point);
    return point;
  }

  track(input: PointerInput): void {
    this.cursor = this.snap(input);
  }

  removeLast(): void {
    this.points.pop();
  }

  reset(): void {
    this.points = [];
    this.cursor = null;
  }
}
