/**
 * Reads an Ekahau `.esx` archive: a zip of JSON tables (`floorPlans.json` holds `{"floorPlans": [...]}`), the
 * `project.json` record, and `image-<id>` blobs. Within the same limits as an `.ondeplan` file, checked on the zip's
 * directory before anything is inflated.
 */
import { strFromU8 } from 'fflate';
import { ProjectLoadError } from '../../model/project-load-error.ts';
import { isZip, readZipWithinLimits } from '../../io/project-package.ts';
import { esxProjectRecord, esxRecords, type EsxProject, type EsxRecord, type EsxTableName } from './esx-tables.ts';

export type EsxTables = { [K in EsxTableName]: EsxRecord<K>[] };

export interface EsxArchive {
  project: EsxProject | null;
  tables: EsxTables;
  /** Records of a table that do not fit its schema, by table. */
  invalid: Map<EsxTableName, number>;
  /** Files Ondeplan does not read (other tables, survey data, binaries), by name. */
  unread: string[];
  images: Map<string, Uint8Array>;
  /** `survey-<id>.json` contents by file name (null when not JSON), and `track-<id>.bin` bytes by id. */
  surveys: Map<string, unknown>;
  tracks: Map<string, Uint8Array>;
}

const TABLE_NAMES = Object.keys(esxRecords) as EsxTableName[];
const SURVEY_JSON = /^survey-[\w-]+\.json$/;
const TRACK = /^track-([\w-]+)\.bin$/;

export function readEsx(bytes: Uint8Array): EsxArchive {
  if (!isZip(bytes)) throw new ProjectLoadError('not-a-zip');
  const unread: string[] = [];
  const files = readZipWithinLimits(
    bytes,
    (name) => {
      const table = name.endsWith('.json') ? name.slice(0, -5) : null;
      return name === 'project.json' || /^image-[\w-]+$/.test(name) || SURVEY_JSON.test(name) || TRACK.test(name) || (table !== null && (TABLE_NAMES as string[]).includes(table));
    },
    (name) => {
      if (!name.endsWith('/')) unread.push(name);
    },
  );
  if (!files['floorPlans.json']) throw new ProjectLoadError('not-esx', ['floorPlans.json'], { what: 'la table des plans (floorPlans.json)' });

  const json = (name: string): unknown => {
    try {
      return JSON.parse(strFromU8(files[name]!));
    } catch {
      throw new ProjectLoadError('esx-bad-table', [name], { name });
    }
  };
  const invalid = new Map<EsxTableName, number>();
  const tables = {} as EsxTables;
  for (const name of TABLE_NAMES) {
    const file = `${name}.json`;
    const rows = files[file] ? (json(file) as Record<string, unknown>)?.[name] : [];
    const list = Array.isArray(rows) ? rows : [];
    const parsed: unknown[] = [];
    for (const row of list) {
      const result = esxRecords[name].safeParse(row);
      if (result.success) parsed.push(result.data);
      else invalid.set(name, (invalid.get(name) ?? 0) + 1);
    }
    (tables as Record<string, unknown[]>)[name] = parsed;
  }
  const projectRow = files['project.json'] ? (json('project.json') as Record<string, unknown>)?.project : null;
  const project = esxProjectRecord.safeParse(projectRow);
  const images = new Map<string, Uint8Array>();
  const surveys = new Map<string, unknown>();
  const tracks = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    if (name.startsWith('image-')) images.set(name.slice('image-'.length), data);
    else if (TRACK.test(name)) tracks.set(TRACK.exec(name)![1]!, data);
    else if (SURVEY_JSON.test(name)) {
      try {
        surveys.set(name, JSON.parse(strFromU8(data)));
      } catch {
        surveys.set(name, null);
      }
    }
  }
  return { project: project.success ? project.data : null, tables, invalid, unread: unread.sort(), images, surveys, tracks };
}
