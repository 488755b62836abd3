/**
 * The robustness campaign as code: mutated project files, plans and surveys fed to the same pure readers the app
 * uses, each outcome classified. Deterministic for a seed. `npm run fuzz` runs it long; a unit test runs a few
 * hundred cases on every CI run (docs/limits.md).
 *
 * Outcomes: `clean-error` (refused with a French message), `accepted-valid` (read, and what was read passes the
 * gate and re-imports identically), `accepted-invalid` (read, but what was read would be refused later: must be 0),
 * `crash` (an exception that is not a French refusal: must be 0), `slow` (a case over its time budget: must be 0),
 * `stopped` (dxf-parser still running at its time limit: the app's DXF worker is then terminated and the file refused
 * in French, as here).
 */

/** dxf-parser in a worker thread, terminated at the time limit as the app's DXF worker is. */
function parseDxfWithLimit(text: string, limitMs: number): Promise<DxfDocument | null | 'stopped'> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const DxfParser = require('dxf-parser');
     const Parser = DxfParser.default ?? DxfParser;
     let parsed = null;
     try { parsed = new Parser().parseSync(workerData); } catch { parsed = null; }
     parentPort.postMessage(JSON.parse(JSON.stringify(parsed)));`,
    { eval: true, workerData: text, stderr: true, stdout: true },
  );
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('stopped');
    }, limitMs);
    worker.once('message', (parsed: DxfDocument | null) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(parsed);
    });
    worker.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}
import DOMPurify from 'dompurify';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { readPastedReadings } from '../../src/audit/pasted-readings.ts';
import { readSurveyBytes } from '../../src/audit/import-survey-file.ts';
import { Worker } from 'node:worker_threads';
import { seededRandom } from '../../propagation/util/random.ts';
import { dxfTextRefusal, flattenParsedDxf } from '../../src/import/plan/dxf/read-dxf.ts';
import type { DxfDocument } from '../../src/import/plan/dxf/flatten-dxf.ts';
import { imageHeaderSize } from '../../src/import/plan/image-header.ts';
import { sanitizeSvg, svgSize } from '../../src/import/plan/svg-safety.ts';
import { readIperf3 } from '../../src/import/survey/iperf3.ts';
import { packProject, unpackProject } from '../../src/io/project-package.ts';
import { documentProblems } from '../../src/model/document-gate.ts';
import { parseProjectValue } from '../../src/model/parse-project.ts';
import { ProjectLoadError } from '../../src/model/project-load-error.ts';
import { firstDifference } from '../../src/model/same-document.ts';
import { surveyDatasetSchema, type ProjectDocument } from '../../src/model/schema.ts';

export type Outcome = 'clean-error' | 'accepted-valid' | 'accepted-invalid' | 'crash' | 'slow' | 'stopped';
export interface CaseResult {
  family: string;
  outcome: Outcome;
  ms: number;
  detail?: string;
}

export interface CampaignInput {
  demo: ProjectDocument;
  demoAssets: Map<string, Uint8Array>;
  dxf: string;
  surveyCsv: string;
  osScans: string[];
  iperf: string[];
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const HOSTILE_VALUES: unknown[] = [
  null, true, 0, -1, 1e308, -1e308, 1e-320, 2 ** 53, 1.5, 10_001, -10_001, 234, 300, '', ' ', 'x'.repeat(301), 'é'.repeat(20_001),
  '\uFFFE\uFFFF', '\uD800', '<script>alert(1)</script>', '../../etc/passwd', [], {}, [[[]]], { xM: 1e300, yM: 0 }, '1e308', 'NaN', '2026-02-30',
];

/** A copy of a JSON value with `count` random edits: values replaced, keys removed, array items doubled or dropped. */
export function mutateJson(value: unknown, rng: Rng, count: number): unknown {
  const copy = structuredClone(value);
  for (let edit = 0; edit < count; edit++) {
    let parent: unknown = copy;
    let key: string | number | null = null;
    for (let depth = 0; depth < 8; depth++) {
      const node: unknown = key === null ? parent : (parent as Record<string | number, unknown>)[key];
      if (!node || typeof node !== 'object') break;
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
      if (keys.length === 0 || (depth > 0 && rng() < 0.25)) break;
      if (key !== null) parent = node;
      key = pick(rng, keys);
    }
    if (key === null || !parent || typeof parent !== 'object') continue;
    const target = parent as Record<string | number, unknown>;
    const move = rng();
    if (move < 0.6) target[key] = structuredClone(pick(rng, HOSTILE_VALUES));
    else if (move < 0.75 && !Array.isArray(parent)) delete target[key];
    else if (move < 0.9 && Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else target[key] = typeof target[key] === 'number' ? (target[key] as number) * pick(rng, [-1, 1e6, 1e-6, 0]) : target[key];
  }
  return copy;
}

/** Bytes with random flips, cuts and insertions. */
export function mutateBytes(bytes: Uint8Array, rng: Rng, count: number): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (let edit = 0; edit < count; edit++) {
    const at = Math.floor(rng() * Math.max(1, out.length));
    const move = rng();
    if (move < 0.6) out[at] = Math.floor(rng() * 256);
    else if (move < 0.8) out = out.subarray(0, at);
    else out = Uint8Array.from([...out.subarray(0, at), ...strToU8(String(pick(rng, HOSTILE_VALUES))), ...out.subarray(at)]);
  }
  return out;
}

/** A DXF with values changed in place (pairs kept aligned, so the parser gets past its structure check). */
function mutateDxfValues(text: string, rng: Rng, count: number): string {
  const lines = text.split('\n');
  for (let edit = 0; edit < count; edit++) {
    const at = 1 + 2 * Math.floor(rng() * Math.floor(lines.length / 2));
    if (at < lines.length) lines[at] = String(pick(rng, [1e308, -1e308, 'NaN', '', 999_999, 0, -1, 1e9 + 1, 360, 720, 'MURS', 'x'.repeat(300)]));
  }
  return lines.join('\n');
}

function mutateText(text: string, rng: Rng, count: number): string {
  const lines = text.split('\n');
  for (let edit = 0; edit < count; edit++) {
    const at = Math.floor(rng() * lines.length);
    const move = rng();
    if (move < 0.4) lines[at] = String(pick(rng, HOSTILE_VALUES));
    else if (move < 0.6) lines.splice(at, 1);
    else if (move < 0.8) lines.splice(at, 0, lines[at] ?? '');
    else lines[at] = (lines[at] ?? '').replace(/-?\d+(\.\d+)?/, String(pick(rng, [1e308, -1e308, 'NaN', '', '"', '1,5', 999_999])));
  }
  return lines.join('\n');
}

const SVG_FRAGMENTS = [
  '<script>alert(1)</script>', '<rect onload="x()"/>', '<set attributeName="onclick" to="x()"/>', '<a href="javascript&#58;x()"><text>a</text></a>',
  '<image href=https://exemple.fr/a.png />', '<rect style="fill:u\\72l(https://exemple.fr/x)"/>', '<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>',
  '<foreignObject><p>x</p></foreignObject>', '<use href="#a"/>', '<rect fill="url(#g)" width="1" height="1"/>', '<text>Salle</text>', '<style>@import "x.css";</style>',
  '<!-- commentaire -->', '<![CDATA[ x ]]>', '<rect width="1e308" height="-5"/>', 'url(', '<',
];

const PURIFIER = DOMPurify(new JSDOM('').window);

function isFrenchRefusal(error: unknown): boolean {
  const message = (error as Error | null)?.message ?? '';
  // A refusal the app shows: a French sentence (an accented letter, a French word or French punctuation spacing).
  return error instanceof ProjectLoadError || /[éèàùçâêîôû«»’]|\s[:;?!]/.test(message);
}

/** One case: `read` either throws (a refusal or a crash) or returns problems found in what it read (empty: valid). */
function runCase(family: string, read: () => string[] | Promise<string[]>, budgetMs: number): Promise<CaseResult> {
  const started = performance.now();
  const finish = (outcome: Outcome, detail?: string): CaseResult => {
    const ms = performance.now() - started;
    return { family, outcome: ms > budgetMs && outcome !== 'crash' ? 'slow' : outcome, ms, detail };
  };
  return Promise.resolve()
    .then(read)
    .then(
      (problems) => finish(problems.length === 0 ? 'accepted-valid' : 'accepted-invalid', problems.slice(0, 3).join(' ; ')),
      (error: unknown) => finish(isFrenchRefusal(error) ? 'clean-error' : 'crash', String((error as Error)?.message ?? error).slice(0, 200)),
    );
}

/** What an accepted project must satisfy: the gate, and export then import giving it back. */
function projectProblems(document: ProjectDocument): string[] {
  const problems = documentProblems(document);
  if (problems.length > 0) return problems;
  const difference = firstDifference(parseProjectValue(JSON.parse(JSON.stringify(document))), document);
  return difference ? [difference] : [];
}

function surveyProblems(datasets: { name: string; points: unknown[] }[]): string[] {
  return datasets.flatMap((dataset) => {
    const result = surveyDatasetSchema.safeParse({ id: 'd', levelId: 'l', name: dataset.name.slice(0, 200) || 'x', source: 'fuzz', deviceOffsetDb: 0, points: dataset.points });
    return result.success ? [] : result.error.issues.slice(0, 2).map((issue) => `${issue.path.join('.')} : ${issue.message}`);
  });
}

const FAMILIES = ['project-json', 'project-zip', 'svg', 'dxf', 'image', 'survey-csv', 'os-scan', 'iperf3'] as const;

export async function runCampaign(input: CampaignInput, options: { seed: number; cases: number; budgetMs?: number; onCase?: (result: CaseResult) => void }): Promise<CaseResult[]> {
  const rng = seededRandom(options.seed);
  const budget = options.budgetMs ?? 5000;
  const at = new Date('2026-11-29T00:00:00Z');
  const demoZip = packProject(input.demo, input.demoAssets, at);
  // A bare project.json carries no plan: the demo without its plan file, for the JSON mutations.
  const planless: ProjectDocument = { ...input.demo, assets: [], levels: input.demo.levels.map((level) => ({ ...level, plan: null })) };
  const results: CaseResult[] = [];
  for (let index = 0; index < options.cases; index++) {
    const family = FAMILIES[index % FAMILIES.length]!;
    const edits = 1 + Math.floor(rng() * 4);
    let result: CaseResult;
    switch (family) {
      case 'project-json': {
        const text = JSON.stringify(mutateJson(planless, rng, edits));
        result = await runCase(family, async () => projectProblems((await unpackProject(strToU8(text))).document), budget);
        break;
      }
      case 'project-zip': {
        const bytes = rng() < 0.5 ? mutateBytes(demoZip, rng, edits) : zipSync({ ...unzipSync(demoZip), 'project.json': strToU8(JSON.stringify(mutateJson(input.demo, rng, edits))) });
        result = await runCase(family, async () => projectProblems((await unpackProject(bytes)).document), budget);
        break;
      }
      case 'svg': {
        const body = Array.from({ length: edits + 1 }, () => pick(rng, SVG_FRAGMENTS)).join('');
        const text = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${pick(rng, ['10 10', '0 0', '-5 1e308', 'a b'])}">${body}</svg>`;
        result = await runCase(
          family,
          () => {
            const { svg, refusal } = sanitizeSvg(text, PURIFIER);
            if (refusal) throw new Error(`SVG refusé (${refusal}) : motif reconnu`);
            const size = svgSize(svg);
            if (!size) throw new Error('SVG sans taille : refusé');
            return [/<script|on\w+=|javascript:/i.test(svg) ? 'du code reste dans le SVG nettoyé' : '', Number.isFinite(size.width * size.height) ? '' : 'taille non finie'].filter(Boolean);
          },
          budget,
        );
        break;
      }
      case 'dxf': {
        const text = rng() < 0.8 ? mutateDxfValues(input.dxf, rng, edits * 3) : mutateText(input.dxf, rng, edits * 3);
        const started = performance.now();
        const refusal = dxfTextRefusal(text);
        const parsed = refusal ? null : await parseDxfWithLimit(text, 3000);
        if (parsed === 'stopped') {
          result = { family, outcome: 'stopped', ms: performance.now() - started };
          break;
        }
        result = await runCase(
          family,
          () => {
            const read = refusal ? ({ ok: false, reason: refusal } as const) : flattenParsedDxf(parsed);
            if (!read.ok) throw new Error(`DXF refusé : ${read.reason} — réexportez-le`);
            const values = [...read.flat.layers.values()].flat();
            return values.every((value) => Number.isFinite(value) && Math.abs(value) <= 1e9) ? [] : ['coordonnée aberrante gardée'];
          },
          budget,
        );
        break;
      }
      case 'image': {
        const seedImage = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
        const bytes = mutateBytes(rng() < 0.5 ? seedImage : Uint8Array.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 1, 0, 1, 0, 3]), rng, edits);
        result = await runCase(
          family,
          () => {
            const size = imageHeaderSize(bytes);
            if (!size) throw new Error('image illisible : refusée');
            return Number.isInteger(size.width) && Number.isInteger(size.height) && size.width >= 0 && size.height >= 0 ? [] : ['taille impossible'];
          },
          budget,
        );
        break;
      }
      case 'survey-csv': {
        const text = mutateText(input.surveyCsv, rng, edits * 2);
        const encoded = rng() < 0.3 ? Uint8Array.from([...text].map((character) => character.charCodeAt(0) & 0xff)) : strToU8(text);
        result = await runCase(
          family,
          () => {
            const reading = readSurveyBytes(encoded, 'fuzz.csv', { metersPerPixel: 0.05, bounds: null, defaultName: 'Mesures' });
            if (reading.kind === 'empty') throw new Error('fichier vide : refusé');
            if (reading.kind === 'needs-mapping') throw new Error('colonnes à désigner : demandé à l’utilisateur');
            return surveyProblems(reading.result.datasets);
          },
          budget,
        );
        break;
      }
      case 'os-scan': {
        const text = mutateText(pick(rng, input.osScans), rng, edits * 2);
        result = await runCase(family, () => surveyProblems([{ name: 'scan', points: [{ position: { xM: 0, yM: 0 }, time: null, readings: readPastedReadings(text).readings, active: null }] }]), budget);
        break;
      }
      case 'iperf3': {
        const text = rng() < 0.5 ? JSON.stringify(mutateJson(JSON.parse(pick(rng, input.iperf)), rng, edits)) : mutateText(pick(rng, input.iperf), rng, edits);
        result = await runCase(
          family,
          () => {
            const active = readIperf3(text);
            if (!active) throw new Error('résultat iperf3 illisible : refusé');
            return surveyProblems([{ name: 'iperf', points: [{ position: { xM: 0, yM: 0 }, time: null, readings: [], active }] }]);
          },
          budget,
        );
        break;
      }
    }
    options.onCase?.(result);
    results.push(result);
  }
  return results;
}

export function summarise(results: readonly CaseResult[]): Record<Outcome | 'cases', number> & { longestMs: number } {
  const counts = { cases: results.length, 'clean-error': 0, 'accepted-valid': 0, 'accepted-invalid': 0, crash: 0, slow: 0, stopped: 0, longestMs: 0 };
  for (const result of results) {
    counts[result.outcome]++;
    counts.longestMs = Math.max(counts.longestMs, Math.round(result.ms));
  }
  return counts;
}
