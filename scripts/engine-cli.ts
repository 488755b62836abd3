/**
 * Headless engine on the same core as the app (docs/engine.md).
 *   npm run engine -- predict <project> --level <id> --band <2.4|5|6> --layer <name> --out <file.f32|.csv|.png> [--resolution m]
 *   npm run engine -- points <project> --points <csv of level,x,y in metres>
 *   npm run engine -- report <project> --out <dir>
 * <project> is a .ondeplan file or a plain project.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { computeApFields } from '../propagation/field/ap-fields.ts';
import { DEFAULT_ROAMING_CLIENT, layerValues, LAYER_NAMES, type LayerName } from '../propagation/layers/band-layers.ts';
import { sourceInterferenceMw } from '../propagation/planning/source-impact.ts';
import { nonWifiSources } from '../src/engine/non-wifi-sources.ts';
import { requirementZones } from '../src/engine/requirement-zones.ts';
import { colourise, DEFAULT_SCALES } from '../propagation/layers/colour-scale.ts';
import type { BandId } from '../propagation/radio/channels.ts';
import { groupRadiosByAp, PredictionSession } from '../propagation/session/prediction-session.ts';
import type { GridSpec } from '../propagation/scene/types.ts';
import { pointGrid } from '../propagation/scene/point-grid.ts';
import { levelGrid } from '../src/engine/level-grid.ts';
import { sceneFromProject } from '../src/engine/scene-from-project.ts';
import { unpackProject } from '../src/io/project-package.ts';
import type { ProjectDocument } from '../src/model/schema.ts';
import { encodePng } from '../src/io/png.ts';
import { generateDeliverables } from '../src/report/deliverables.ts';
import { parseProjectJson } from '../src/model/parse-project.ts';
import { nodeReportResources } from './report-resources.ts';

const USAGE = `Utilisation :
  npm run engine -- predict <projet> --level <id> --band <2.4|5|6> --layer <${LAYER_NAMES.join('|')}> --out <fichier.f32|.csv|.png> [--resolution <m>]
  npm run engine -- points <projet> --points <fichier.csv (niveau,x,y en mètres)>
  npm run engine -- report <projet> --out <dossier>`;

class UsageError extends Error {}

/** Options each command knows; anything else is refused with the usage. */
const KNOWN_OPTIONS = new Set(['level', 'band', 'layer', 'out', 'resolution', 'points']);

function options(args: string[]): { positional: string[]; named: Map<string, string> } {
  const positional: string[] = [];
  const named = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.startsWith('--')) {
      if (!KNOWN_OPTIONS.has(arg.slice(2))) throw new UsageError(`Option inconnue « ${arg} ».\n${USAGE}`);
      const value = args[index + 1];
      if (value === undefined) throw new UsageError(`L'option ${arg} attend une valeur.`);
      named.set(arg.slice(2), value);
      index++;
    } else positional.push(arg);
  }
  return { positional, named };
}

/**
 * A study for its documents: a package with its files, or a JSON document alone, even when the files it names are
 * not beside it (the documents then say the plan is missing instead of failing).
 */
async function readProjectForReport(path: string): Promise<{ document: ProjectDocument; assets: Map<string, Uint8Array> }> {
  const bytes = new Uint8Array(readFileSync(path));
  if (bytes[0] === 0x7b || (bytes[0] === 0xef && bytes[3] === 0x7b)) {
    const missing = parseProjectJson(new TextDecoder().decode(bytes));
    if (missing.assets.length > 0) console.error(`Fichiers absents du projet JSON (${missing.assets.map((asset) => asset.name).join(', ')}) : les documents le signalent.`);
    return { document: missing, assets: new Map() };
  }
  return unpackProject(bytes);
}

export async function readProject(path: string): Promise<ProjectDocument> {
  return (await unpackProject(new Uint8Array(readFileSync(path)))).document;
}

/** Binary grid: "ODPG", uint32 LE header length, JSON header (UTF-8, padded with spaces to 4 bytes), float32 LE cells. */
export function encodeGridFile(header: Record<string, unknown>, values: Float32Array): Uint8Array {
  let json = JSON.stringify(header);
  while ((8 + new TextEncoder().encode(json).length) % 4 !== 0) json += ' ';
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + values.byteLength);
  out.set(new TextEncoder().encode('ODPG'), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  const data = new DataView(out.buffer, 8 + headerBytes.length);
  values.forEach((value, index) => data.setFloat32(index * 4, value, true));
  return out;
}

function csvOf(values: Float32Array, grid: GridSpec): string {
  const lines = ['x_m,y_m,valeur'];
  for (let row = 0; row < grid.ny; row++) {
    for (let column = 0; column < grid.nx; column++) {
      const x = grid.originX + (column + 0.5) * grid.resolutionM;
      const y = grid.originY + (row + 0.5) * grid.resolutionM;
      lines.push(`${x.toFixed(3)},${y.toFixed(3)},${values[row * grid.nx + column]!.toFixed(2)}`);
    }
  }
  return lines.join('\n') + '\n';
}

async function predict(args: string[]): Promise<void> {
  const { positional, named } = options(args);
  const file = positional[0];
  const levelId = named.get('level');
  const band = named.get('band') as BandId | undefined;
  const layer = (named.get('layer') ?? 'rssi') as LayerName;
  const out = named.get('out');
  if (!file || !levelId || !band || !out) throw new UsageError(USAGE);
  if (!['2.4', '5', '6'].includes(band)) throw new UsageError(`Bande inconnue « ${band} » : 2.4, 5 ou 6.`);
  if (!LAYER_NAMES.includes(layer)) throw new UsageError(`Couche inconnue « ${layer} » : ${LAYER_NAMES.join(', ')}.`);
  const document = await readProject(resolve(file));
  const resolution = named.has('resolution') ? Number(named.get('resolution')) : undefined;
  const grid = levelGrid(document, levelId, resolution);
  const session = new PredictionSession();
  const scene = sceneFromProject(document);
  session.setScene(scene);
  const started = performance.now();
  // The same inputs as the app's map: non-Wi-Fi sources in the SINR, the level's zones for the pass/fail layer.
  const { radios, layers } = session.bandLayers(levelId, band, grid, undefined, true, sourceInterferenceMw(scene, nonWifiSources(document), levelId, band, grid));
  const values = layerValues(layers, layer, DEFAULT_ROAMING_CLIENT, requirementZones(document, levelId, grid));
  const elapsedMs = performance.now() - started;
  const header = { format: 'ondeplan-grid', version: 1, projectId: document.id, levelId, band, layer, unit: layerUnit(layer), originXM: grid.originX, originYM: grid.originY, resolutionM: grid.resolutionM, nx: grid.nx, ny: grid.ny, noSignal: -200, radios: radios.map((radio) => radio.id), elapsedMs: Math.round(elapsedMs) };
  const extension = extname(out).toLowerCase();
  if (extension === '.csv') writeFileSync(out, csvOf(values, grid));
  else if (extension === '.png') writeFileSync(out, encodePng(grid.nx, grid.ny, colourise(values, DEFAULT_SCALES[layer])));
  else writeFileSync(out, encodeGridFile(header, values));
  console.log(`${out} : ${grid.nx}×${grid.ny} cellules de ${grid.resolutionM} m, ${radios.length} radios, couche ${layer}, ${elapsedMs.toFixed(0)} ms`);
}

function layerUnit(layer: LayerName): string {
  if (layer === 'rssi' || layer === 'second' || layer === 'third' || layer === 'adjacent-channel') return 'dBm';
  if (layer === 'snr' || layer === 'sinr' || layer === 'roaming') return 'dB';
  if (layer === 'requirement') return 'code (0 = exigence atteinte)';
  if (layer === 'rate') return 'Mb/s';
  return 'nombre';
}

async function points(args: string[]): Promise<void> {
  const { positional, named } = options(args);
  const file = positional[0];
  const pointsFile = named.get('points');
  if (!file || !pointsFile) throw new UsageError(USAGE);
  const document = await readProject(resolve(file));
  const scene = sceneFromProject(document);
  const groups = groupRadiosByAp(scene.radios);
  const apNames = new Map(document.accessPoints.map((ap) => [ap.id, ap.name]));
  const output = ['niveau,x_m,y_m,borne,radio,bande,canal,rssi_dbm'];
  const lines = readFileSync(resolve(pointsFile), 'utf8').split(/\r?\n/);
  let rejected = 0;
  for (const line of lines) {
    const [level, xText, yText] = line.split(/[;,\t]/).map((cell) => cell.trim());
    const x = Number(xText);
    const y = Number(yText);
    if (!level || !Number.isFinite(x) || !Number.isFinite(y)) {
      if (line.trim() && !/^niveau|^level/i.test(line.trim())) rejected++;
      continue;
    }
    if (!scene.levels.some((candidate) => candidate.id === level)) {
      rejected++;
      continue;
    }
    for (const group of groups) {
      const fields = computeApFields(scene, group, level, pointGrid(x, y));
      group.forEach((radio, index) => output.push(`${level},${x},${y},${apNames.get(radio.apId) ?? radio.apId},${radio.id},${radio.band},${radio.channel},${fields[index]![0]!.toFixed(2)}`));
    }
  }
  console.log(output.join('\n'));
  if (rejected > 0) console.error(`${rejected} ${rejected > 1 ? 'lignes ignorées' : 'ligne ignorée'} : niveau inconnu ou coordonnées non numériques.`);
}

async function report(args: string[]): Promise<void> {
  const { positional, named } = options(args);
  const file = positional[0];
  const out = named.get('out');
  if (!file || !out) throw new UsageError(USAGE);
  const { document, assets } = await readProjectForReport(resolve(file));
  const started = performance.now();
  const { files, package: deliverable } = await generateDeliverables(document, await nodeReportResources(), { assets, onProgress: (step, done, total) => process.stderr.write(`\r${step} ${done}/${total}   `) });
  process.stderr.write('\n');
  const directory = resolve(out);
  mkdirSync(directory, { recursive: true });
  for (const entry of files) writeFileSync(join(directory, entry.name), entry.bytes);
  writeFileSync(join(directory, deliverable.zipName), deliverable.zip);
  writeFileSync(join(directory, deliverable.md5Name), deliverable.md5File);
  console.log(`${files.length} documents, ${deliverable.zipName} (${deliverable.zip.byteLength} octets, MD5 ${deliverable.md5}) dans ${directory} en ${(performance.now() - started).toFixed(0)} ms`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === '--help' || command === '-h' || command === 'aide') {
    console.log(USAGE);
    return;
  }
  if (command === 'predict') await predict(rest);
  else if (command === 'points') await points(rest);
  else if (command === 'report') await report(rest);
  else throw new UsageError(USAGE);
}

// Only as a command: tests and scripts import encodeGridFile() without running it.
if (process.argv[1]?.endsWith('engine-cli.ts')) main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
