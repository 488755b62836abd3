/**
 * What an order's service must deliver (the catalogue's « Livrables ») against the files of the latest package:
 * each expected item with the files that answer it, or none. The files Ondeplan writes for a Wi-Fi study (4.1.6) are
 * recognised by name; for other services an item is answered by a file whose name carries one of its key words, and
 * the reviewer judges the rest.
 */
import { findService } from './catalogue.ts';

export interface ChecklistItem {
  expected: string;
  files: string[];
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Ondeplan's own files for the 4.1.6 deliverables, by the first words of the catalogue's item. */
const WIFI_RULES: [RegExp, RegExp][] = [
  [/^les plans des zones/, /^plan-implantation-.*\.(pdf|odg|vsdx|svg|png)$/],
  [/^un rapport d.etude/, /^rapport-etude\.pdf$/],
  [/^un rapport d.analyse/, /^rapport-analyse\.pdf$/],
  [/^la liste des equipements/, /^liste-materiel\.(xlsx|ods)$/],
  [/^un rapport reprenant/, /^plan-implantation-.*\.(pdf|odg|vsdx)$/],
  [/^un compte rendu/, /^compte-rendu\.pdf$/],
];

const STOP = new Set(['les', 'des', 'une', 'un', 'du', 'de', 'la', 'le', 'et', 'ou', 'en', 'aux', 'au', 'pour', 'sur', 'par', 'avec', 'dans']);

function keyWords(item: string): string[] {
  return fold(item)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(' ')
    .filter((word) => word.length >= 5 && !STOP.has(word));
}

export function deliverableChecklist(serviceNumber: string, fileNames: readonly string[]): ChecklistItem[] {
  const service = findService(serviceNumber);
  if (!service) return [];
  const expected = service.deliverables.items.length > 0 ? service.deliverables.items : service.deliverables.text ? [service.deliverables.text] : [];
  const names = fileNames.map((name) => name.split('/').pop()!);
  return expected.map((item) => {
    const folded = fold(item);
    const rule = serviceNumber === '4.1.6' ? WIFI_RULES.find(([pattern]) => pattern.test(folded)) : undefined;
    if (rule) return { expected: item, files: names.filter((name) => rule[1].test(name)) };
    const words = keyWords(item);
    return { expected: item, files: names.filter((name) => words.some((word) => fold(name).replace(/[^a-z0-9]+/g, ' ').includes(word.slice(0, 6)))) };
  });
}

/** The catalogue number an order's service text starts with (« 4.1.6 Étude… » → 4.1.6). */
export const serviceNumberOf = (service: string) => /^\s*(4\.\d(?:\.\d+)?)\b/.exec(service)?.[1] ?? null;
