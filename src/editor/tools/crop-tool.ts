import { setPlanCrop } from '../../actions/editor-actions.ts';
import { t } from '../../i18n/index.ts';
import { unturnPoint } from '../../model/plan-frame.ts';
import { displayMetersPerUnit } from '../../model/plan-scale.ts';
import type { Box } from '../geometry.ts';
import { BoxDragTool } from './box-drag-tool.ts';

/** Drag a box over the plan: only that part stays shown (the frame does not move; « plan entier » undoes it). */
export class CropTool extends BoxDragTool {
  readonly id = 'crop' as const;

  protected onBox(box: Box): void {
    const level = this.editor.level;
    if (!level?.plan) return;
    const mpu = displayMetersPerUnit(level);
    const a = unturnPoint(level.plan, box.minX / mpu, box.minY / mpu);
    const b = unturnPoint(level.plan, box.maxX / mpu, box.maxY / mpu);
    const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
    const x0 = clamp(Math.min(a.x, b.x), level.plan.widthUnits);
    const x1 = clamp(Math.max(a.x, b.x), level.plan.widthUnits);
    const y0 = clamp(Math.min(a.y, b.y), level.plan.heightUnits);
    const y1 = clamp(Math.max(a.y, b.y), level.plan.heightUnits);
    if (x1 - x0 <= 0 || y1 - y0 <= 0) return;
    this.editor.apply(setPlanCrop(level.id, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, t('editor.actions.crop')));
    this.editor.setTool('select');
  }
}
