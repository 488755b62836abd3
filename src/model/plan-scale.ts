import type { Level } from './schema.ts';

/** A PDF point is 1/72 inch; 1:100 is the usual scale of printed floor plans. */
export const PDF_POINT_M = 0.0254 / 72;
const PROVISIONAL_PDF_SCALE = 100;
/** An uncalibrated raster plan is shown at 2 cm per pixel (a 2000 px plan is 40 m wide) until its scale is set. */
const PROVISIONAL_PIXEL_M = 0.02;

/** Metres per plan unit at a printed scale 1:`denominator` (PDF plans). */
export const printedScaleMetersPerUnit = (denominator: number): number => PDF_POINT_M * denominator;

/** The printed scale 1:N a PDF plan's metres per point amount to (after a calibration: 1:291, not the 1:100 typed). */
export const printedScaleDenominator = (metersPerUnit: number): number => Math.round(metersPerUnit / PDF_POINT_M);

/** The calibrated scale, or a provisional one so an uncalibrated plan can still be shown and measured. */
export function displayMetersPerUnit(level: Pick<Level, 'metersPerUnit' | 'plan'>): number {
  if (level.metersPerUnit) return level.metersPerUnit;
  if (!level.plan) return 1;
  return level.plan.format === 'pdf' ? printedScaleMetersPerUnit(PROVISIONAL_PDF_SCALE) : PROVISIONAL_PIXEL_M;
}

/** Units of DXF `$INSUNITS` in metres (null when unitless or unknown: the user must say). */
export const DXF_UNIT_M: Record<number, number> = { 1: 0.0254, 2: 0.3048, 4: 0.001, 5: 0.01, 6: 1, 14: 0.1 };
