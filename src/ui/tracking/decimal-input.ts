/** A number typed the French way (« 2,5 », « 1 250 ») or null when it is not one. */
export function parseDecimal(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** A number shown for editing the French way (decimal comma, no grouping). */
export const decimalText = (value: number) => String(value).replace('.', ',');
