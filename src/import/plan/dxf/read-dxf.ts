/** Text DXF → flattened layers, or a French refusal; pure (runs in the DXF worker and in tests). */
import DxfParser from 'dxf-parser';
import { flattenDxf, type DxfDocument, type FlatDxf } from './flatten-dxf.ts';

export type DxfRefusal = 'binary' | 'corrupt' | 'empty';

export function readDxf(text: string): { ok: true; flat: FlatDxf } | { ok: false; reason: DxfRefusal; leftOut?: [string, number][] } {
  if (text.startsWith('AutoCAD Binary DXF')) return { ok: false, reason: 'binary' };
  let parsed: DxfDocument | null;
  try {
    parsed = new DxfParser().parseSync(text) as unknown as DxfDocument | null;
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (!parsed) return { ok: false, reason: 'corrupt' };
  const flat = flattenDxf(parsed);
  if (flat.segmentCount === 0) return { ok: false, reason: 'empty', leftOut: [...flat.leftOut] };
  return { ok: true, flat };
}
