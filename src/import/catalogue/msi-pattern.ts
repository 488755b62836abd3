/**
 * MSI Planet antenna files (`.msi`, `.pln`, often `.ant`): a header of `KEYWORD value` lines (NAME, MAKE,
 * FREQUENCY in MHz, GAIN in dBi or dBd…), then `HORIZONTAL n` and `VERTICAL n` each followed by n lines
 * `angle attenuation`: attenuation in dB below the maximum, angles in degrees; horizontal clockwise from boresight,
 * vertical from the horizon with 90° straight down and 270° straight up. Turned into the pattern lines
 * `az|el;angle;gain` that parsePatternText reads: the vertical cut's front half only (−90° up to +90° down), the
 * model taking azimuth and elevation apart (docs/propagation.md, « Antennas »).
 */
import type { AntennaFilePattern } from './antenna-file.ts';
export class MsiPatternError extends Error {}

export function readMsiPattern(text: string): AntennaFilePattern {
  const rows = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const header = new Map<string, string>();
  const cuts: Record<'HORIZONTAL' | 'VERTICAL', [number, number][]> = { HORIZONTAL: [], VERTICAL: [] };
  for (let index = 0; index < rows.length; index++) {
    const [keyword = '', ...rest] = rows[index]!.split(/\s+/);
    const key = keyword.toUpperCase();
    if (key === 'HORIZONTAL' || key === 'VERTICAL') {
      const count = Number.parseInt(rest[0] ?? '', 10);
      if (!(count > 0 && count <= 3600)) throw new MsiPatternError(`section ${key} : nombre de points « ${rest[0] ?? ''} » illisible`);
      for (let line = 1; line <= count; line++) {
        const [angle, attenuation] = (rows[index + line] ?? '').split(/\s+/).map(Number);
        if (!Number.isFinite(angle) || !Number.isFinite(attenuation)) throw new MsiPatternError(`section ${key} : ligne ${line} illisible (« ${rows[index + line] ?? ''} »)`);
        cuts[key].push([angle!, attenuation!]);
      }
      index += count;
    } else if (!cuts.HORIZONTAL.length && !cuts.VERTICAL.length) header.set(key, rest.join(' '));
  }
  if (cuts.HORIZONTAL.length < 2 || cuts.VERTICAL.length < 2) throw new MsiPatternError('il faut les sections HORIZONTAL et VERTICAL, d’au moins deux points chacune');
  const gainText = header.get('GAIN');
  const gainValue = gainText ? Number.parseFloat(gainText) : Number.NaN;
  const lines = [
    ...cuts.HORIZONTAL.map(([angle, attenuation]) => `az;${angle};${-attenuation}`),
    ...cuts.VERTICAL.flatMap(([angle, attenuation]) => {
      const normal = ((angle % 360) + 360) % 360;
      if (normal <= 90) return [`el;${normal};${-attenuation}`];
      if (normal >= 270) return [`el;${normal - 360};${-attenuation}`];
      return [];
    }),
  ];
  return {
    name: header.get('NAME') || null,
    make: header.get('MAKE') || null,
    frequencyMHz: Number.isFinite(Number.parseFloat(header.get('FREQUENCY') ?? '')) ? Number.parseFloat(header.get('FREQUENCY')!) : null,
    gainDbi: Number.isFinite(gainValue) ? gainValue + (/dbd/i.test(gainText!) ? 2.15 : 0) : null,
    lines: lines.join('\n'),
    notes: [],
  };
}
