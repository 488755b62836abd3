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

/**
 * Looks a text up and fills `{name}` placeholders. Unknown keys show the key, so a gap is visible. Plurals use the
 * ICU form `{count, plural, one {# borne} other {# bornes}}`, chosen by `Intl.PluralRules` (in French 0 and 1 are
 * singular); `#` is the formatted number.
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = active;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return fillPlaceholders(text, params);
}

const pluralRules = new Intl.PluralRules('fr-FR');

export function fillPlaceholders(text: string, params: Record<string, string | number>): string {
  return expandPlurals(text, params).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatParam(params[name]!) : whole));
}

/** Replaces each `{name, plural, one {…} other {…}}` by the branch the number selects (branches may hold placeholders). */
function expandPlurals(text: string, params: Record<string, string | number>): string {
  let out = '';
  let index = 0;
  const opener = /\{(\w+), plural,/g;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    out += text.slice(index, match.index);
    const branches = new Map<string, string>();
    let cursor = match.index + match[0].length;
    for (;;) {
      while (text[cursor] === ' ') cursor++;
      if (text[cursor] === '}' || cursor >= text.length) break;
      const keyword = /^[=\w]+/.exec(text.slice(cursor))?.[0] ?? '';
      cursor += keyword.length;
      while (text[cursor] === ' ') cursor++;
      let depth = 0;
      const start = cursor + 1;
      do {
        if (text[cursor] === '{') depth++;
        else if (text[cursor] === '}') depth--;
        cursor++;
      } while (depth > 0 && cursor < text.length);
      branches.set(keyword, text.slice(start, cursor - 1));
    }
    const value = Number(params[match[1]!]);
    const branch = branches.get(`=${value}`) ?? branches.get(Number.isFinite(value) ? pluralRules.select(value) : 'other') ?? branches.get('other') ?? '';
    out += expandPlurals(branch, params).replace(/#/g, Number.isFinite(value) ? formatNumber(value) : String(params[match[1]!] ?? ''));
    index = cursor + 1;
    opener.lastIndex = index;
  }
  return out + text.slice(index);
}

function formatParam(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits }).format(value);
}

/** An amount in euros with its cents (« 1 275,00 € »). */
export function formatEuros(value: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The active locale's whole text tree, for groups of texts used together (table headers). */
export function messages(): Messages {
  return active;
}
