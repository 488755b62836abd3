/**
 * French typography for generated documents, in one place: every text a deliverable prints (PDF text layer, SVG and
 * ODG labels, spreadsheet cells) goes through `frenchTypography`. It is idempotent, so texts that were already
 * typeset (messages, user data, both) can pass through it again.
 *
 * Rules (Lexique des règles typographiques en usage à l’Imprimerie nationale, simplified to the two spaces fonts
 * reliably have): a no-break space before « : ; ! ? % » and inside « », and between a number and its unit (numbers
 * themselves come from Intl.NumberFormat, whose thousands separator is already a narrow no-break space); a true minus sign (U+2212) before a negative number; the curly apostrophe (U+2019).
 */

export const NBSP = '\u00a0';
export const NARROW_NBSP = '\u202f';
export const MINUS = '\u2212';

/** Units that stay on the line of their number. */
const UNITS = ['dBm', 'dBi', 'dB', 'MHz', 'GHz', 'Mb/s', 'Gb/s', 'kb/s', 'm²', 'm³', 'km', 'cm', 'mm', 'm', 'ms', 's', 'h', '€', '€ HT', '€ TTC', 'W', 'mW', '%', '°', 'octets', 'Ko', 'Mo', 'Go', 'px', 'pt'];
const UNIT_PATTERN = UNITS.sort((a, b) => b.length - a.length)
  .map((unit) => unit.replace(/[/$]/g, '\\$&'))
  .join('|');

const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿŒœ';

const RULES: [RegExp, string][] = [
  // Straight apostrophe between letters (l'étude, aujourd'hui) → ’.
  [new RegExp(`([${LETTER}])'(?=[${LETTER}])`, 'g'), '$1’'],
  // Hyphen-minus starting a number (after a space, an opening sign or the start) → true minus.
  [/(^|[\s([=≥≤<>:;/«\u00a0\u202f])-(?=\d)/g, `$1${MINUS}`],
  // Guillemets: no-break space inside, whatever space (or none) the text had.
  [/«[ \t\u00a0\u202f]*/g, `«${NBSP}`],
  [/[ \t\u00a0\u202f]*»/g, `${NBSP}»`],
  // High punctuation: no-break space before, replacing an ordinary space (none added where there was no space:
  // « 10:30 », « http:// » and « (s) » stay as they are).
  [/[ \t]+([:;!?%])/g, `${NBSP}$1`],
  // A number and its unit.
  [new RegExp(`(\\d)[ \\t]+(${UNIT_PATTERN})(?![${LETTER}\\d])`, 'g'), `$1${NBSP}$2`],
  // « 35% » → « 35 % ».
  [/(\d)%/g, `$1${NBSP}%`],
  // « n° 12 », « p. 3 », « § 2.4 »: the abbreviation stays with its number.
  [/(n°|N°|§|p\.)[ \t]+(?=\d)/g, `$1${NBSP}`],
];

export function frenchTypography(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** What a reader would call a typographic fault in French, for tests that read generated documents. */
export function typographyFaults(text: string): string[] {
  const faults: string[] = [];
  const find = (pattern: RegExp, label: string) => {
    for (const match of text.matchAll(pattern)) faults.push(`${label} : « ${text.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20).replace(/\s+/g, ' ')} »`);
  };
  find(/ [:;!?%»]/g, 'espace sécable avant une ponctuation haute ou un guillemet fermant');
  find(/« /g, 'espace sécable après un guillemet ouvrant');
  find(new RegExp(`[${LETTER}]'[${LETTER}]`, 'g'), 'apostrophe droite');
  find(/\((s|x|es)\)/g, 'pluriel en « (s) »');
  find(/(^|[\s(=≥≤])-\d/g, 'trait d’union à la place du signe moins');
  find(new RegExp(`\\d (${UNIT_PATTERN})(?![${LETTER}\\d])`, 'g'), 'espace sécable entre un nombre et son unité');
  return faults;
}
