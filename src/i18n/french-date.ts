/**
 * Dates typed the French way. A native date input shows the browser's format (mm/dd/yyyy in an English browser, even in
 * a French page), so date fields are text fields that read « jj/mm/aaaa » (also « j/m/aaaa », « jj.mm.aaaa »,
 * « jj-mm-aaaa », and an ISO date) and store AAAA-MM-JJ.
 */

/** AAAA-MM-JJ → jj/mm/aaaa (empty stays empty). */
export const toFrenchDate = (iso: string | null | undefined): string => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split('-').reverse().join('/') : '');

/** The ISO date, '' for an empty field, or null when the text is not a real date. */
export function fromFrenchDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : french ? [Number(french[3]), Number(french[2]), Number(french[1])] : [0, 0, 0];
  if (!year) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
