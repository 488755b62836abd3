import { visiblePlanBox } from '../../../model/plan-frame.ts';
import { displayMetersPerUnit } from '../../../model/plan-scale.ts';
import type { Level } from '../../../model/schema.ts';

/** A part of the picture, in picture units (a sharper rendering of the visible region). */
export interface PlanRegion {
  u: number;
  v: number;
  width: number;
  height: number;
}

/**
 * A sheet for a picture of a level drawn in metres: cleared to white, then scaled so that one unit is one metre and
 * (originX, originY) is the top-left corner. The caller restores the context when done.
 */
export function beginMetreSheet(ctx: CanvasRenderingContext2D, pxPerM: number, originX: number, originY: number): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.save();
  ctx.scale(pxPerM, pxPerM);
  ctx.translate(-originX, -originY);
}

/**
 * Draws the plan picture in the level frame (metres): turned by its rotation, clipped to its crop. With `region`,
 * the image covers only that part of the picture.
 */
export function drawPlanImage(ctx: CanvasRenderingContext2D, image: CanvasImageSource, level: Pick<Level, 'plan' | 'metersPerUnit'>, region?: PlanRegion) {
  const plan = level.plan;
  const box = visiblePlanBox(level);
  if (!plan || !box) return;
  const mpu = displayMetersPerUnit(level);
  const W = plan.widthUnits * mpu;
  const H = plan.heightUnits * mpu;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.minX, box.minY, box.maxX - box.minX, box.maxY - box.minY);
  ctx.clip();
  if (plan.rotationDeg === 90) ctx.translate(H, 0);
  else if (plan.rotationDeg === 180) ctx.translate(W, H);
  else if (plan.rotationDeg === 270) ctx.translate(0, W);
  ctx.rotate((plan.rotationDeg * Math.PI) / 180);
  ctx.imageSmoothingEnabled = true;
  if (region) ctx.drawImage(image, region.u * mpu, region.v * mpu, region.width * mpu, region.height * mpu);
  else ctx.drawImage(image, 0, 0, W, H);
  ctx.restore();
}
