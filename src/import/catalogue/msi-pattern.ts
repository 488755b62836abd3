/**
 * MSI Planet antenna files (`.msi`, `.pln`, often `.ant`): a header of `KEYWORD value` lines (NAME, MAKE,
 * FREQUENCY in MHz, GAIN in dBi or dBd…), then `HORIZONTAL n` and `VERTICAL n` each followed by n lines
 * `angle attenuation`: attenuation in dB below the maximum, angles in degrees; horizontal clockwise from boresight,
 * vertical from the horizon with 90° straight down and 270° straight up. Turned into the pattern lines
 * `az|el;angle;gain` that parsePatternText reads: the vertical cut's front half only (−90° up to +90° down), the
 * model taking azimuth and elevation apart (docs/propagation.md, « Antennas »).
 */
export interface MsiPattern {
  name: string | null;
  make: string | null;
  frequencyMHz: number | null;
  /** Gain in dBi (a file in dBd gets 2.15 dB added). */
  gainDbi: number | null;
  /** `az;angle;gain` and `el;angle;gain` lines, gains ≤ 0 dB. */
  lines: string;
}

export class MsiPatternError extends Error {}

export function readMsiPattern(text: string): MsiPattern {
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
  };
}

/**
 * A catalogue model from an MSI file alone: one radio on the band of its FREQUENCY, the file's gain, a maximum
 * power of 20 dBm at 2.4 GHz and 23 dBm at 5 or 6 GHz (the French EIRP caps bind anyway), two streams. As model-file
 * JSON, so that it goes through the same validation as any model file.
 */
export function msiModelFile(text: string, fileName: string): string {
  const pattern = readMsiPattern(text);
  const frequency = pattern.frequencyMHz ?? 5500;
  const band = frequency < 3000 ? '2.4' : frequency < 5925 ? '5' : '6';
  const perBand = (value: number) => ({ '2.4': band === '2.4' ? value : 0, '5': band === '5' ? value : 0, '6': band === '6' ? value : 0 });
  return JSON.stringify({
    vendor: (pattern.make ?? '').slice(0, 120),
    model: (pattern.name ?? fileName.replace(/\.[^.]+$/, '')).slice(0, 120) || fileName.slice(0, 120),
    bands: [band],
    maxTxPowerDbm: perBand(band === '2.4' ? 20 : 23),
    antennaGainDbi: perBand(Math.min(30, Math.max(-10, pattern.gainDbi ?? 0))),
    spatialStreams: 2,
    antennaPatternMsi: text,
  });
}
