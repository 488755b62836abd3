import { setPlanCrop } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import { displayMetersPerUnit } from '../../model/plan-scale.ts';
import { unturnPoint } from '../../model/plan-frame.ts';
import type { Editor } from '../editor.ts';
import { boxFromCorners, distance, type Point } from '../geometry.ts';
import type { KeyInput, PointerInput, Tool } from '../tool.ts';

/** Drag a box over the plan: only that part stays shown (the frame does not move; « plan entier » undoes it). */
export class CropTool implements Tool {
  readonly id = 'crop' as const;
  private start: Point | null = null;

  constructor(private readonly editor: Editor) {}

  get stateName() {
    return this.start ? 'boxing' : 'idle';
  }

  down(input: PointerInput): void {
    this.start = input.point;
  }

  move(input: PointerInput): void {
    if (this.start) this.editor.setOverlay({ box: boxFromCorners(this.start, input.point) });
  }

  up(input: PointerInput): void {
    const start = this.start;
    this.cancel();
    const level = this.editor.level;
    if (!start || !level?.plan || distance(start, input.point) < 4 * input.toleranceM) return;
    const mpu = displayMetersPerUnit(level);
    const a = unturnPoint(level.plan, start.x / mpu, start.y / mpu);
    const b = unturnPoint(level.plan, input.point.x / mpu, input.point.y / mpu);
    const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
    const x0 = clamp(Math.min(a.x, b.x), level.plan.widthUnits);
    const x1 = clamp(Math.max(a.x, b.x), level.plan.widthUnits);
    const y0 = clamp(Math.min(a.y, b.y), level.plan.heightUnits);
    const y1 = clamp(Math.max(a.y, b.y), level.plan.heightUnits);
    if (x1 - x0 <= 0 || y1 - y0 <= 0) return;
    this.editor.apply(setPlanCrop(level.id, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, t('editor.actions.crop')));
    this.editor.setTool('select');
  }

  doubleClick(): void {}

  key({ key }: KeyInput): boolean {
    if (key !== 'Escape' || !this.start) return false;
    this.cancel();
    return true;
  }

  cancel(): void {
    this.start = null;
    this.editor.setOverlay({ box: null });
  }
}
