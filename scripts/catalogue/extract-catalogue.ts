/**
 * npm run catalogue:extract — reads the contract's technical specification (CCTP, the text in
 * fixtures/contract/) and writes the catalogue of its §4 services as data (server/src/catalogue/catalogue.json):
 * number, title, kind, presentation, description, prerequisites, expected tasks, CIGREF profile, inputs from the
 * administration, deliverables, complexity levels with their maximum durations, the other dimensions the text gives
 * (surface tiers, nature of the work…), which services may be out of hours, and the out-of-hours slots. The file is
 * committed: a new version of the contract means running this again and reviewing the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const source = process.argv[2] ?? join(root, 'fixtures/contract/cctp-ministere-justice.txt');
/** The text's lines, trimmed, without the page footers the PDF extraction left (« Ministère de / La Justice / … / Page N sur M »). */
function readLines(text: string): string[] {
  const raw = text.split(/\r?\n/).map((line) => line.trim());
  const footer = ['Ministère de', 'La Justice', 'Secrétariat Général', 'Direction du Numérique'];
  const kept: string[] = [];
  for (let index = 0; index < raw.length; index++) {
    if (raw[index] === footer[0]) {
      const next = raw.slice(index, index + 60).filter((line) => line !== '');
      if (footer.every((line, at) => next[at] === line) && /^Page \d+ sur \d+$/.test(next[4] ?? '')) {
        let skipped = 0;
        while (skipped < 5) if (raw[index++] !== '') skipped++;
        index--;
        continue;
      }
    }
    kept.push(raw[index]!);
  }
  return kept;
}
const lines = readLines(readFileSync(source, 'utf8'));

const KINDS: Record<string, string> = { '4.1': 'etude', '4.2': 'exploitation', '4.3': 'deploiement', '4.4': 'outre-mer', '4.5': 'reversibilite' };
const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

const SECTIONS: [RegExp, string][] = [
  [/^presentation de la prestation/, 'presentation'],
  [/^description (generale )?de la prestation/, 'description'],
  [/^prerequis/, 'prerequisites'],
  [/^prestations attendues/, 'tasks'],
  [/^references? cigref/, 'profile'],
  [/^elements fournis/, 'inputs'],
  [/^livrables/, 'deliverables'],
  [/^valorisation de la prestation/, 'valuation'],
];

/** Headings of §4: « 4.x TITLE » and « 4.x.y TITLE » (titles in capitals), from the first « 4.1 » heading on. */
const start = lines.findIndex((line) => /^4\.1 Etudes/i.test(line));
const headings: { index: number; number: string; title: string }[] = [];
for (let index = start; index < lines.length; index++) {
  const match = /^(4\.\d(?:\.\d+)?)\s+(.+)$/.exec(lines[index]!);
  if (match && match[2]!.replace(/[^A-Za-zÀ-ÿ]/g, '').length > 2 && match[2] === match[2]!.toUpperCase()) headings.push({ index, number: match[1]!, title: match[2]!.trim() });
  else if (match && /^4\.1$/.test(match[1]!)) headings.push({ index, number: match[1]!, title: match[2]!.trim() });
}

interface Block {
  intro: string[];
  items: string[];
}

/** A section's paragraphs (before and between bullets) and its bullet items (continuation lines joined). */
function readBlock(body: string[]): Block {
  const block: Block = { intro: [], items: [] };
  let current: 'intro' | 'item' = 'intro';
  for (const line of body) {
    if (line === '') continue;
    if (line.startsWith('•') || line.startsWith('-')) {
      const item = line.replace(/^[•-]\s*/, '').trim();
      if (item === '') continue;
      block.items.push(item);
      current = 'item';
    } else if (current === 'item' && /^[a-zàâçéèêëîïôûùüÿ(]/.test(line)) {
      block.items[block.items.length - 1] += ` ${line}`;
    } else {
      block.intro.push(line);
      current = 'intro';
    }
  }
  return block;
}

const joinParagraph = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').replace(/ ([,.])/g, '$1').trim();

/** « Label : » lines followed by bullets, as named dimensions (the complexity is read on its own). */
function dimensionsOf(body: string[]): { label: string; options: string[] }[] {
  const dimensions: { label: string; options: string[] }[] = [];
  let current: { label: string; options: string[] } | null = null;
  for (const line of body) {
    if (line === '') continue;
    const label = /^([^•].{2,60}?)\s*:\s*$/.exec(line);
    if (label) {
      current = { label: label[1]!.trim(), options: [] };
      dimensions.push(current);
    } else if (line.startsWith('•') && current) {
      const option = line.replace(/^•\s*/, '').trim();
      if (option) current.options.push(option);
    } else if (!line.startsWith('•')) current = null;
  }
  // Only the dimensions the valuation depends on (surface, nature of the work, type of equipment), not every list.
  return dimensions.filter((dimension) => dimension.options.length > 0 && /^(surface|nature|type|des equipements du type)/.test(plain(dimension.label)));
}

const NUMBERS: Record<string, number> = { un: 1, une: 1 };
function complexityOf(body: string[]) {
  const levels: { level: string; maxDays: number }[] = [];
  for (const line of body) {
    const match = /^•\s*(Simple|Moyenne|Complexe)\s*\(délai d’exécution maximum d(?:e\s*|’\s*)(\d+|un|une)\s*jours?\s*\)/i.exec(line);
    if (match) levels.push({ level: match[1]!, maxDays: NUMBERS[match[2]!.toLowerCase()] ?? Number(match[2]) });
  }
  return levels;
}

function surfaceTiers(dimensions: { label: string; options: string[] }[]) {
  const surface = dimensions.find((dimension) => plain(dimension.label).startsWith('surface'));
  if (!surface) return undefined;
  return surface.options.map((option) => {
    const below = /inf[ée]rieure? à (\d+)\s*m²/i.exec(option);
    if (below) return { label: option, fromM2: 0, toM2: Number(below[1]) };
    const between = /entre (\d+) et (\d+)\s*m²/i.exec(option);
    if (!between) throw new Error(`Tranche de surface illisible : ${option}`);
    return { label: option, fromM2: Number(between[1]), toM2: Number(between[2]) };
  });
}

const services = [];
let hno: { services: string[]; slots: string[] } | null = null;
for (let h = 0; h < headings.length; h++) {
  const heading = headings[h]!;
  const body = lines.slice(heading.index + 1, headings[h + 1]?.index ?? lines.length);
  const isService = /^4\.\d\.\d+$/.test(heading.number) || heading.number === '4.4' || heading.number === '4.5';
  if (!isService) continue;
  if (heading.number === '4.2.21') {
    const block = readBlock(body);
    const range = /articles (4\.2\.(\d+)) à (4\.2\.(\d+))/.exec(body.join(' '))!;
    const from = Number(range[2]);
    const to = Number(range[4]);
    hno = { services: Array.from({ length: to - from + 1 }, (_, index) => `4.2.${from + index}`), slots: block.items };
  }
  // Split the body at the section headings.
  const sections: Record<string, string[]> = {};
  let current = 'presentation';
  for (const line of body) {
    const section = SECTIONS.find(([pattern]) => pattern.test(plain(line)));
    if (section) {
      current = section[1];
      sections[current] ??= [];
      continue;
    }
    (sections[current] ??= []).push(line);
  }
  const read = (name: string) => readBlock(sections[name] ?? []);
  const textOf = (name: string) => {
    const block = read(name);
    return { text: joinParagraph(block.intro), items: block.items };
  };
  const dimensionLabels = new Set(dimensionsOf([...(sections.description ?? []), ...(sections.valuation ?? [])]).map((dimension) => `${dimension.label} :`));
  const descriptionBlock = readBlock((sections.description ?? []).filter((line) => !dimensionLabels.has(line.replace(/\s*:\s*$/, ' :'))));
  const description = { text: joinParagraph(descriptionBlock.intro), items: descriptionBlock.items };
  const dimensions = dimensionsOf([...(sections.description ?? []), ...(sections.valuation ?? [])]);
  const valuation = sections.valuation ?? [];
  const complexity = complexityOf(valuation);
  const reference = joinParagraph(read('profile').intro.concat(read('profile').items));
  services.push({
    number: heading.number,
    title: heading.title.replace(/\s+/g, ' '),
    kind: KINDS[heading.number.split('.').slice(0, 2).join('.')]!,
    presentation: joinParagraph(read('presentation').intro.concat(read('presentation').items)),
    description: description.text,
    descriptionItems: description.items.filter((item) => !dimensions.some((dimension) => dimension.options.includes(item))),
    prerequisites: joinParagraph(read('prerequisites').intro.concat(read('prerequisites').items)),
    tasks: textOf('tasks'),
    profile: reference,
    inputs: textOf('inputs'),
    deliverables: textOf('deliverables'),
    complexity,
    valuation: complexity.length > 0 ? 'complexite' : /forfait/i.test(valuation.join(' ')) ? 'forfait' : /demie? journ/i.test(valuation.join(' ')) ? 'demi-journee' : /voir article/i.test(valuation.join(' ')) ? 'renvoi' : 'autre',
    valuationText: joinParagraph(readBlock(valuation).intro.concat(readBlock(valuation).items).filter((line) => !/^(complexit|simple \(|moyenne \(|complexe \()/.test(plain(line)))),
    dimensions,
    ...(surfaceTiers(dimensions) ? { surfaceTiers: surfaceTiers(dimensions) } : {}),
  });
}
for (const service of services) if (hno?.services.includes(service.number)) Object.assign(service, { outOfHours: true });

const catalogue = {
  version: 1,
  source: 'CCTP du marché de services informatiques du ministère de la Justice (DNUM), § 4',
  workUnit: 'jour ouvré, de 8 h à 18 h, du lundi au vendredi (§ 2.11)',
  outOfHours: hno,
  services,
};
const target = join(root, 'server/src/catalogue/catalogue.json');
writeFileSync(target, `${JSON.stringify(catalogue, null, 2)}\n`);
console.log(`${services.length} prestations écrites dans ${target}`);
