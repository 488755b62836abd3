/**
 * AP model files for the catalogue (documented in docs/editor.md): JSON, one model or a list, each with its
 * antenna pattern when directional, as cuts (`antennaPattern`) or as the lines of a pattern CSV
 * (`antennaPatternCsv`: `cut;angleDeg;gainDb`) or as a vendor antenna file's text, MSI Planet or NSMA
 * (`antennaPatternFile`, or one per band in `antennaPatternFileByBand`). Power and gain are given for the three bands (0 where the model has
 * no radio). Validated before anything is added.
 */
import { z } from 'zod';
import { parsePatternText } from '../../../propagation/antenna/pattern.ts';
import { apModelSchema, type AntennaPattern, type ApModel } from '../../model/schema.ts';
import { readAntennaFile } from './antenna-file.ts';
import { messages } from '../../i18n/index.ts';

const fileModelSchema = apModelSchema.omit({ id: true, antennaPatternId: true, bandPatternIds: true }).extend({
  bomReference: z.string().max(120).default(''),
  priceEur: z.number().min(0).nullable().default(null),
  accessories: apModelSchema.shape.accessories.default([]),
  poeClass: apModelSchema.shape.poeClass.default(null),
  maxPowerDrawW: apModelSchema.shape.maxPowerDrawW.default(null),
  mounting: apModelSchema.shape.mounting.default([]),
  source: apModelSchema.shape.source.default(''),
  /** The source of each number, by field name; written into `source` as « field : source » lines. */
  sources: z.record(z.string().max(60), z.string().max(600)).optional(),
  antennaPattern: z.object({ name: z.string().max(120).optional(), azimuthCutDb: z.array(z.number()).min(1).max(3600), elevationCutDb: z.array(z.number()).min(1).max(3600) }).optional(),
  antennaPatternCsv: z.string().max(200_000).optional(),
  /** A vendor antenna file's text, MSI Planet or NSMA (told apart by content). */
  antennaPatternFile: z.string().max(500_000).optional(),
  /** One vendor antenna file per band, as vendors publish them: each band's radios use their own. */
  antennaPatternFileByBand: z.object({ '2.4': z.string().max(500_000).optional(), '5': z.string().max(500_000).optional(), '6': z.string().max(500_000).optional() }).optional(),
  /** Earlier names of the two fields above (MSI only then); still read. */
  antennaPatternMsi: z.string().max(500_000).optional(),
  antennaPatternMsiByBand: z.object({ '2.4': z.string().max(500_000).optional(), '5': z.string().max(500_000).optional(), '6': z.string().max(500_000).optional() }).optional(),
});

export type ApModelFileError = { kind: 'json' } | { kind: 'schema'; details: string[] } | { kind: 'pattern'; model: string; message: string };

export function readApModelFile(text: string, ids: () => string): { ok: true; models: ApModel[]; patterns: AntennaPattern[] } | { ok: false; error: ApModelFileError } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { kind: 'json' } };
  }
  const parsed = z.array(fileModelSchema).min(1).max(200).safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!parsed.success) return { ok: false, error: { kind: 'schema', details: parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`) } };
  const models: ApModel[] = [];
  const patterns: AntennaPattern[] = [];
  for (const entry of parsed.data) {
    const { antennaPattern, antennaPatternCsv, antennaPatternFile, antennaPatternFileByBand, antennaPatternMsi, antennaPatternMsiByBand, sources, ...fields } = entry;
    const model = { ...fields, source: sourceText(fields.source, sources) };
    const patternFile = antennaPatternFile ?? antennaPatternMsi;
    const patternFileByBand = antennaPatternFileByBand ?? antennaPatternMsiByBand;
    let patternId: string | null = null;
    if (antennaPattern || antennaPatternCsv || patternFile) {
      let cuts;
      let msiName: string | null = null;
      try {
        if (antennaPattern) cuts = parsePatternText(JSON.stringify(antennaPattern));
        else if (antennaPatternCsv) cuts = parsePatternText(antennaPatternCsv);
        else {
          const msi = readAntennaFile(patternFile!);
          msiName = msi.name;
          cuts = parsePatternText(msi.lines);
        }
      } catch (error) {
        return { ok: false, error: { kind: 'pattern', model: model.model, message: (error as Error).message } };
      }
      patternId = ids();
      patterns.push({ id: patternId, name: (antennaPattern?.name ?? msiName ?? `Diagramme ${model.model}`).slice(0, 120), azimuthCutDb: [...cuts.azimuthCutDb], elevationCutDb: [...cuts.elevationCutDb] });
    }
    const bandPatternIds: NonNullable<ApModel['bandPatternIds']> = {};
    for (const band of ['2.4', '5', '6'] as const) {
      const text = patternFileByBand?.[band];
      if (!text) continue;
      try {
        const msi = readAntennaFile(text);
        const cuts = parsePatternText(msi.lines);
        const id = ids();
        patterns.push({ id, name: (msi.name ?? `Diagramme ${model.model} ${band.replace('.', ',')} GHz`).slice(0, 120), azimuthCutDb: [...cuts.azimuthCutDb], elevationCutDb: [...cuts.elevationCutDb] });
        bandPatternIds[band] = id;
      } catch (error) {
        return { ok: false, error: { kind: 'pattern', model: model.model, message: (error as Error).message } };
      }
    }
    // The model's own pattern stays set whenever a band has one: the 5 GHz one, else the first given.
    patternId ??= bandPatternIds['5'] ?? bandPatternIds['2.4'] ?? bandPatternIds['6'] ?? null;
    models.push({ ...model, id: ids(), antennaPatternId: patternId, ...(Object.keys(bandPatternIds).length > 0 ? { bandPatternIds } : {}) });
  }
  return { ok: true, models, patterns };
}

/** The model's `source`, then one line per field source (« Gain : … »), within the field's 1 000 characters. */
function sourceText(source: string, sources: Record<string, string> | undefined): string {
  const labels = messages().catalogue.sourceFields as Record<string, string>;
  const lines = Object.entries(sources ?? {}).map(([field, text]) => `${labels[field] ?? field} : ${text}`);
  return [source, ...lines].filter(Boolean).join('\n').slice(0, 1000);
}
