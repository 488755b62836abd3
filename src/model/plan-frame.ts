/**
 * Where a plan's picture and lines land in its level's frame: turned by `rotationDeg` (clockwise, in quarter turns,
 * like a PDF page's /Rotate) and scaled to metres. Crop limits what is shown, never moves the frame.
 */
import { displayMetersPerUnit } from './plan-scale.ts';
import type { Level, PlanSource } from './schema.ts';

export interface FramePoint {
  x: number;
  y: number;
}

/** Width and height of the turned picture, in plan units. */
export function turnedSize(plan: Pick<PlanSource, 'widthUnits' | 'heightUnits' | 'rotationDeg'>): { width: number; height: number } {
  return plan.rotationDeg % 180 === 0 ? { width: plan.widthUnits, height: plan.heightUnits } : { width: plan.heightUnits, height: plan.widthUnits };
}

/** Picture point (u, v) in plan units → level frame (plan units, turned). */
export function turnPoint(plan: Pick<PlanSource, 'widthUnits' | 'heightUnits' | 'rotationDeg'>, u: number, v: number): FramePoint {
  const W = plan.widthUnits;
  const H = plan.heightUnits;
  switch (plan.rotationDeg) {
    case 90:
      return { x: H - v, y: u };
    case 180:
      return { x: W - u, y: H - v };
    case 270:
      return { x: v, y: W - u };
    default:
      return { x: u, y: v };
  }
}

/** Level frame (plan units, turned) → picture point, the inverse of turnPoint. */
export function unturnPoint(plan: Pick<PlanSource, 'widthUnits' | 'heightUnits' | 'rotationDeg'>, x: number, y: number): FramePoint {
  const W = plan.widthUnits;
  const H = plan.heightUnits;
  switch (plan.rotationDeg) {
    case 90:
      return { x: y, y: H - x };
    case 180:
      return { x: W - x, y: H - y };
    case 270:
      return { x: W - y, y: x };
    default:
      return { x, y };
  }
}

/** The visible part of the plan in the level frame (metres): the crop, else the whole turned picture. */
export function visiblePlanBox(level: Pick<Level, 'metersPerUnit' | 'plan'>): { minX: number; minY: number; maxX: number; maxY: number } | null {
  const plan = level.plan;
  if (!plan) return null;
  const mpu = displayMetersPerUnit(level);
  const crop = plan.crop ?? { x: 0, y: 0, width: plan.widthUnits, height: plan.heightUnits };
  const a = turnPoint(plan, crop.x, crop.y);
  const b = turnPoint(plan, crop.x + crop.width, crop.y + crop.height);
  return { minX: Math.min(a.x, b.x) * mpu, minY: Math.min(a.y, b.y) * mpu, maxX: Math.max(a.x, b.x) * mpu, maxY: Math.max(a.y, b.y) * mpu };
}
