/** Text DXF → flattened layers, or a French refusal; pure (runs in the DXF worker and in tests). */
import DxfParser from 'dxf-parser';
import { flattenDxf, type DxfDocument, type FlatDxf } from './flatten-dxf.ts';

export type DxfRefusal = 'binary' | 'corrupt' | 'empty';

/**
 * Whether the text has the structure a DXF must have: (group code, value) line pairs with integer codes of the DXF
 * range, numbers where the code says number, code-0 values that are names (SECTION, LINE…), SECTION/ENDSEC and
 * TABLE/ENDTAB balanced, and no section left open. dxf-parser loops forever on some files that break this (found by
 * the fuzz campaign: a pair shifted by a missing line, an ENDTAB replaced by a number, an empty coordinate): such a
 * file is refused before it is parsed. Linear.
 */
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Group codes whose value is a number (DXF reference, « Group code value types »). */
function isNumericCode(code: number): boolean {
  return (
    (code >= 10 && code <= 99) || (code >= 110 && code <= 149) || (code >= 160 && code <= 179) || (code >= 210 && code <= 239) ||
    (code >= 270 && code <= 289) || (code >= 370 && code <= 389) || (code >= 400 && code <= 409) || (code >= 420 && code <= 429) ||
    (code >= 440 && code <= 459) || (code >= 1010 && code <= 1071)
  );
}

export function hasDxfStructure(text: string): boolean {
  let start = 0;
  let line = 0;
  let code: number | null = null;
  let sections = 0;
  let tables = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const value = text.slice(start, end).trim();
    if (line % 2 === 0) {
      if (value === '') code = null;
      else if (/^-?\d{1,4}$/.test(value) && Math.abs(Number(value)) <= 1071) code = Number(value);
      else return false;
    } else if (code !== null && isNumericCode(code) && !NUMBER.test(value)) {
      return false;
    } else if (code === 0) {
      if (!/^[A-Za-z0-9_$]*[A-Za-z][A-Za-z0-9_$]*$/.test(value)) return false;
      if (value === 'SECTION') sections++;
      else if (value === 'ENDSEC') sections--;
      else if (value === 'TABLE') tables++;
      else if (value === 'ENDTAB') tables--;
      if (sections < 0 || sections > 1 || tables < 0 || tables > 1) return false;
    }
    line++;
    start = end + 1;
  }
  return sections === 0 && tables === 0;
}

export type DxfReading = { ok: true; flat: FlatDxf } | { ok: false; reason: DxfRefusal; leftOut?: [string, number][] };

export function readDxf(text: string): DxfReading {
  const refusal = dxfTextRefusal(text);
  if (refusal) return { ok: false, reason: refusal };
  let parsed: DxfDocument | null;
  try {
    parsed = new DxfParser().parseSync(text) as unknown as DxfDocument | null;
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  return flattenParsedDxf(parsed);
}

/** Why a DXF text is refused before parsing, or null. */
export function dxfTextRefusal(text: string): DxfRefusal | null {
  if (text.startsWith('AutoCAD Binary DXF')) return 'binary';
  return hasDxfStructure(text) ? null : 'corrupt';
}

/** The parser's output (or null) as flat layers, or the refusal. */
export function flattenParsedDxf(parsed: DxfDocument | null): DxfReading {
  if (!parsed) return { ok: false, reason: 'corrupt' };
  const flat = flattenDxf(parsed);
  if (flat.segmentCount === 0) return { ok: false, reason: 'empty', leftOut: [...flat.leftOut] };
  return { ok: true, flat };
}
