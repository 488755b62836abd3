import { fr, type Messages } from './fr.ts';

/** Dotted keys of the message tree, e.g. `projects.title`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

const locales: Record<string, Messages> = { fr };
let active: Messages = fr;

export function setLocale(code: string): void {
  active = locales[code] ?? fr;
}

/** Looks a text up and fills `{name}` placeholders. Unknown keys show the key, so a gap is visible. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = active;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatParam(params[name]!) : whole));
}

function formatParam(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits }).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The active locale's whole text tree, for groups of texts used together (table headers). */
export function messages(): Messages {
  return active;
}
