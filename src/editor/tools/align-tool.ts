import { setLevelAlignment } from '../../actions/editor-actions.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import { alignmentFromPairs, levelBelow, toLevelBelow } from '../../model/level-stack.ts';
import type { Editor } from '../editor.ts';
import type { Point } from '../geometry.ts';
import { snapPoint } from '../snapping.ts';
import type { KeyInput, PointerInput, Tool } from '../tool.ts';

/**
 * Aligns the level on the one below with two reference points: click two points of this level (a stair corner, a
 * column), then the same two points on the level below, shown faintly. Four clicks, one undoable change.
 */
export class AlignTool implements Tool {
  readonly id = 'align' as const;
  private points: Point[] = [];

  constructor(private readonly editor: Editor) {}

  get stateName() {
    return ['idle', 'a', 'b', 'A'][this.points.length] ?? 'idle';
  }

  down(input: PointerInput): void {
    const level = this.editor.level;
    if (!level || !levelBelow(this.editor.document, level)) return this.editor.notify('error', t('editor.align.noLevelBelow'));
    const point = snapPoint(input.point, this.editor.snapSources(), { toleranceM: input.toleranceM }).point;
    this.points.push(point);
    this.show();
    if (this.points.length < 4) return;
    const [a, b, qa, qb] = this.points as [Point, Point, Point, Point];
    this.points = [];
    this.editor.clearOverlay();
    // The level below is drawn in this level's frame through the current alignment: map the last two clicks there.
    const A = toLevelBelow(level, qa.x, qa.y);
    const B = toLevelBelow(level, qb.x, qb.y);
    if (Math.hypot(b.x - a.x, b.y - a.y) < 0.5 || Math.hypot(B.x - A.x, B.y - A.y) < 0.5) return this.editor.notify('error', t('editor.align.tooClose'));
    const { alignment, scaleRatio } = alignmentFromPairs(a, b, A, B);
    this.editor.apply(setLevelAlignment(level.id, alignment, t('editor.actions.align')));
    if (Math.abs(scaleRatio - 1) > 0.02) this.editor.notify('info', t('editor.align.scaleMismatch', { percent: formatNumber(Math.abs(scaleRatio - 1) * 100, 1) }));
  }

  move(): void {}
  up(): void {}
  doubleClick(): void {}

  key({ key }: KeyInput): boolean {
    if (key !== 'Escape' || this.points.length === 0) return false;
    this.cancel();
    return true;
  }

  cancel(): void {
    this.points = [];
    this.editor.clearOverlay();
  }

  private show(): void {
    const [a, b, c, d] = this.points;
    this.editor.setOverlay({ polyline: this.points.length > 0 ? { points: [a!, ...(b ? [b] : [])], closed: false } : null, measure: c ? { a: c, b: d ?? c } : null, lengthM: null });
  }
}
