/**
 * NSMA antenna pattern files (NSMA WG16.99.050, TIA-804-B): `KEY:,value` records (ANTMAN maker, MODNUM model,
 * LOWFRQ/HGHFRQ/PATFRE in MHz, GUNITS gain unit/data unit, MDGAIN mid-band gain), then per frequency NUMCUT cuts,
 * each `PATCUT:,H|V|AZ|EL`, `POLARI:,x/y`, `NUPOIN:,n`, `FSTLST:,first,last` and n lines `angle,value,`. Angles in
 * degrees, −180…180, 0 at boresight; azimuth clockwise seen from above; elevation positive above the horizon. Data
 * in DBR are relative to the maximum (≤ 0); in DBI/DBD they are gains, made relative here. The first frequency's
 * co-polar horizontal and vertical cuts are used (what the engine models); the others are named in `notes`.
 */
import type { AntennaFilePattern } from './antenna-file.ts';

export class NsmaPatternError extends Error {}

export function looksLikeNsma(text: string): boolean {
  return /^\s*(REVNUM|ANTMAN|PATCUT|NUMCUT|MDGAIN)\s*:\s*,/im.test(text.slice(0, 20_000));
}

interface Cut {
  kind: 'h' | 'v';
  polarisation: string;
  points: [number, number][];
}

export function readNsmaPattern(text: string): AntennaFilePattern {
  const header = new Map<string, string[]>();
  const cuts: Cut[] = [];
  const notes: string[] = [];
  let frequencies = 0;
  let current: Cut | null = null;
  let skipping = false;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line) continue;
    const record = /^([A-Z0-9]{4,8})\s*:\s*,?(.*)$/i.exec(line);
    if (record) {
      const key = record[1]!.toUpperCase();
      const values = record[2]!.split(',').map((value) => value.trim());
      if (key === 'PATFRE') {
        frequencies++;
        // Later frequencies repeat the cuts: the first one is kept.
        skipping = frequencies > 1;
        if (frequencies === 1) header.set(key, values);
        else if (frequencies === 2) notes.push(`fichier NSMA à plusieurs fréquences : seule la première (${header.get('PATFRE')?.[0] ?? '?'} MHz) est reprise`);
        current = null;
        continue;
      }
      if (key === 'PATCUT') {
        const designator = (values[0] ?? '').toUpperCase();
        const kind = designator === 'H' || designator === 'AZ' || designator === 'HH' ? 'h' : designator === 'V' || designator === 'EL' || designator === 'VV' ? 'v' : null;
        if (kind === null) {
          notes.push(`coupe NSMA « ${designator} » ignorée (seules les coupes horizontale et verticale sont utilisées)`);
          current = null;
          continue;
        }
        current = skipping ? null : { kind, polarisation: '', points: [] };
        if (current) cuts.push(current);
        continue;
      }
      if (key === 'POLARI') {
        if (current) current.polarisation = (values[0] ?? '').toUpperCase();
        continue;
      }
      if (key === 'ENDFIL') break;
      if (!current) header.set(key, values);
      continue;
    }
    if (!current) continue;
    const [angle, value] = line.split(/[,\s]+/).map(Number);
    if (!Number.isFinite(angle) || !Number.isFinite(value)) throw new NsmaPatternError(`ligne ${index + 1} illisible (« ${line.slice(0, 60)} ») : une ligne de données NSMA est « angle,valeur »`);
    current.points.push([angle!, value!]);
  }

  const pick = (kind: 'h' | 'v') => {
    const ofKind = cuts.filter((cut) => cut.kind === kind && cut.points.length > 0);
    // Co-polar (V/V, H/H) before cross-polar (V/H).
    const copolar = ofKind.find((cut) => !cut.polarisation.includes('/') || cut.polarisation.split('/')[0] === cut.polarisation.split('/')[1]);
    const chosen = copolar ?? ofKind[0];
    if (ofKind.length > 1) notes.push(`${ofKind.length} coupes ${kind === 'h' ? 'horizontales' : 'verticales'} : la coupe ${chosen?.polarisation || 'copolaire'} est reprise`);
    return chosen;
  };
  const horizontal = pick('h');
  const vertical = pick('v');
  if (!horizontal || horizontal.points.length < 2 || !vertical || vertical.points.length < 2) throw new NsmaPatternError('il faut une coupe horizontale et une coupe verticale (PATCUT:,H et PATCUT:,V), d’au moins deux points chacune');

  const units = (header.get('GUNITS')?.[0] ?? 'DBI/DBR').toUpperCase().split('/');
  const gainUnit = units[0]?.trim() ?? 'DBI';
  const dataUnit = units[1]?.trim() ?? 'DBR';
  const midGain = Number.parseFloat(header.get('MDGAIN')?.[0] ?? '');
  const toDbi = (value: number, unit: string) => value + (unit === 'DBD' ? 2.15 : 0);
  // Relative data may be written as attenuations (all ≥ 0); gains are made relative to their maximum.
  const relative = (cut: Cut): [number, number][] => {
    if (dataUnit === 'DBR') {
      const attenuations = cut.points.every(([, value]) => value >= 0) && cut.points.some(([, value]) => value > 0);
      return cut.points.map(([angle, value]) => [angle, attenuations ? -value : value]);
    }
    const max = Math.max(...cut.points.map(([, value]) => value));
    return cut.points.map(([angle, value]) => [angle, value - max]);
  };
  const peakFromData = dataUnit === 'DBR' ? Number.NaN : toDbi(Math.max(...horizontal.points.map(([, value]) => value)), dataUnit);
  const gainDbi = Number.isFinite(midGain) ? toDbi(midGain, gainUnit) : Number.isFinite(peakFromData) ? peakFromData : null;

  const low = Number.parseFloat(header.get('LOWFRQ')?.[0] ?? '');
  const high = Number.parseFloat(header.get('HGHFRQ')?.[0] ?? '');
  const patternFrequency = Number.parseFloat(header.get('PATFRE')?.[0] ?? '');
  const frequencyMHz = Number.isFinite(patternFrequency) ? patternFrequency : Number.isFinite(low) && Number.isFinite(high) ? (low + high) / 2 : null;
  const text2 = (key: string) => header.get(key)?.join(', ').trim() || null;
  const patternLines = [
    ...relative(horizontal).map(([angle, gain]) => `az;${angle};${gain}`),
    // NSMA elevation is positive above the horizon; Ondeplan's is positive below, front half only.
    ...relative(vertical).flatMap(([angle, gain]) => (Math.abs(angle) <= 90 ? [`el;${-angle};${gain}`] : [])),
  ];
  return { name: text2('MODNUM'), make: text2('ANTMAN'), frequencyMHz, gainDbi, lines: patternLines.join('\n'), notes };
}
