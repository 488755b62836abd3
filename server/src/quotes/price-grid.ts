/**
 * The price grid (bordereau des prix unitaires, BPU): the contract's prices are not in its technical specification,
 * so the manager imports them from a spreadsheet (xlsx) or a CSV with one row per value:
 *
 *   type;code;niveau;valeur;libellé
 *   prix;4.1.6;Moyenne;850;          price € HT of one work unit (UO) of a service at a complexity level
 *   hno;dimanche-ferie;;2;           out-of-hours multiplier of a slot (semaine, samedi, dimanche-ferie, nuit)
 *   outre-mer;MQ;;1,35;              overseas multiplier of a territory (§4.4, on the « transfert » price)
 *   tva;metropole;;20 %;             VAT rate of a territory (20 %, 0,2 and 20 are read alike); others keep their default
 *   marche;montant-maximum-ht;;2500000;   the contract's maximum amount € HT
 *   marche;libelle;;BPU 2026 — prix fictifs;   the grid's name
 *
 * Every row is checked against the catalogue; all the problems are reported at once, in French, with their line.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { CATALOGUE, findService } from '../catalogue/catalogue.ts';
import { isTerritory, TERRITORIES, type Territory } from '../calendar/territories.ts';

export const OUT_OF_HOURS_SLOTS = { semaine: 'Semaine du lundi au vendredi 6 h – 20 h', samedi: 'Samedi 6 h – 22 h', 'dimanche-ferie': 'Dimanche et jours fériés 6 h – 22 h', nuit: 'Nuit du lundi au dimanche 22 h – 6 h' } as const;
export type OutOfHoursSlot = keyof typeof OUT_OF_HOURS_SLOTS;
export const isOutOfHoursSlot = (value: unknown): value is OutOfHoursSlot => typeof value === 'string' && Object.hasOwn(OUT_OF_HOURS_SLOTS, value);

export interface PriceGrid {
  label: string;
  /** Service number → level (« Simple », « Moyenne », « Complexe », « Forfait », « Demi-journée ») → € HT per UO. */
  prices: Record<string, Record<string, number>>;
  outOfHours: Partial<Record<OutOfHoursSlot, number>>;
  overseas: Partial<Record<Territory, number>>;
  vat: Record<Territory, number>;
  contractMaximumHt: number | null;
}

export class PriceGridError extends Error {
  constructor(readonly problems: string[]) {
    super(`Bordereau refusé : ${problems.length === 1 ? problems[0] : `${problems.length} problèmes. ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ' …' : ''}`}`);
    this.name = 'PriceGridError';
  }
}

/** The levels a service is priced at: its complexities, or its flat rate, or its half-day. */
export function levelsOf(serviceNumber: string): string[] {
  const service = findService(serviceNumber);
  if (!service) return [];
  if (service.valuation === 'complexite') return service.complexity.map((level) => level.level);
  if (service.valuation === 'forfait') return ['Forfait'];
  if (service.valuation === 'demi-journee') return ['Demi-journée'];
  return [];
}

function number(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const percent = cleaned.endsWith('%');
  const value = Number(percent ? cleaned.slice(0, -1) : cleaned);
  if (cleaned === '' || !Number.isFinite(value)) return null;
  return percent ? value / 100 : value;
}

export type GridRow = { line: number; type: string; code: string; level: string; value: string; label: string };

export function priceGridFromRows(rows: GridRow[]): PriceGrid {
  const problems: string[] = [];
  const grid: PriceGrid = { label: '', prices: {}, outOfHours: {}, overseas: {}, vat: Object.fromEntries(Object.entries(TERRITORIES).map(([code, territory]) => [code, territory.defaultVat])) as Record<Territory, number>, contractMaximumHt: null };
  for (const row of rows) {
    const at = `Ligne ${row.line} :`;
    const type = row.type.trim().toLowerCase();
    if (type === '' && row.code.trim() === '') continue;
    if (type === 'marche' && row.code.trim() === 'libelle') {
      grid.label = row.value.trim() || row.label.trim();
      continue;
    }
    const value = number(row.value);
    if (value === null) {
      problems.push(`${at} valeur « ${row.value} » : un nombre est attendu.`);
      continue;
    }
    const code = row.code.trim();
    if (type === 'prix') {
      const service = findService(code);
      if (!service) problems.push(`${at} prestation « ${code} » absente du catalogue.`);
      else if (!levelsOf(code).includes(row.level.trim())) problems.push(`${at} niveau « ${row.level} » inconnu pour ${code} (${levelsOf(code).join(', ') || 'prestation non chiffrée seule'}).`);
      else if (value <= 0) problems.push(`${at} le prix doit être positif.`);
      else (grid.prices[code] ??= {})[row.level.trim()] = value;
    } else if (type === 'hno') {
      if (!isOutOfHoursSlot(code)) problems.push(`${at} tranche HNO « ${code} » inconnue (${Object.keys(OUT_OF_HOURS_SLOTS).join(', ')}).`);
      else if (value <= 0) problems.push(`${at} le coefficient doit être positif.`);
      else grid.outOfHours[code] = value;
    } else if (type === 'outre-mer') {
      if (!isTerritory(code) || code === 'metropole') problems.push(`${at} territoire « ${code} » inconnu (${Object.keys(TERRITORIES).filter((key) => key !== 'metropole').join(', ')}).`);
      else if (value <= 0) problems.push(`${at} le coefficient doit être positif.`);
      else grid.overseas[code] = value;
    } else if (type === 'tva') {
      const rate = value > 1 ? value / 100 : value;
      if (!isTerritory(code)) problems.push(`${at} territoire « ${code} » inconnu.`);
      else if (rate < 0 || rate >= 0.3) problems.push(`${at} taux de TVA « ${row.value} » invraisemblable.`);
      else grid.vat[code] = rate;
    } else if (type === 'marche' && code === 'montant-maximum-ht') {
      grid.contractMaximumHt = value;
    } else problems.push(`${at} type « ${row.type} » inconnu (prix, hno, outre-mer, tva, marche).`);
  }
  if (Object.keys(grid.prices).length === 0) problems.push('Aucun prix : ajoutez des lignes « prix;<prestation>;<niveau>;<prix € HT> ».');
  if (problems.length > 0) throw new PriceGridError(problems);
  grid.label ||= `Bordereau des prix (${CATALOGUE.source})`;
  return grid;
}

const HEADER = ['type', 'code', 'niveau', 'valeur', 'libellé'];

export function priceGridFromCsv(text: string): PriceGrid {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: false });
  const rows = parsed.data;
  const headerAt = rows.findIndex((row) => row.map((cell) => cell.trim().toLowerCase()).join('|').startsWith('type|code|niveau|valeur'));
  if (headerAt < 0) throw new PriceGridError([`En-tête attendu : « ${HEADER.join(';')} ».`]);
  return priceGridFromRows(rows.slice(headerAt + 1).map((row, index) => ({ line: headerAt + index + 2, type: row[0] ?? '', code: row[1] ?? '', level: row[2] ?? '', value: row[3] ?? '', label: row[4] ?? '' })).filter((row) => row.type !== '' || row.code !== ''));
}

export async function priceGridFromXlsx(bytes: Uint8Array): Promise<PriceGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new PriceGridError(['Ce fichier n’est pas un classeur Excel lisible (.xlsx).']);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new PriceGridError(['Le classeur n’a aucune feuille.']);
  const cell = (value: ExcelJS.CellValue): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
    if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
    return String(value);
  };
  const rows: GridRow[] = [];
  let header = false;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = [1, 2, 3, 4, 5].map((column) => cell(row.getCell(column).value));
    if (!header) {
      header = values.slice(0, 4).map((value) => value.trim().toLowerCase()).join('|') === 'type|code|niveau|valeur';
      return;
    }
    rows.push({ line, type: values[0]!, code: values[1]!, level: values[2]!, value: values[3]!, label: values[4]! });
  });
  if (!header) throw new PriceGridError([`En-tête attendu en première feuille : « ${HEADER.join(' | ')} ».`]);
  return priceGridFromRows(rows);
}
