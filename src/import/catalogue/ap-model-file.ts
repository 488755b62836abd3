/**
 * AP model files for the catalogue (documented in docs/editor.md): JSON, one model or a list, each with its
 * antenna pattern when directional, as cuts (`antennaPattern`) or as the lines of a pattern CSV
 * (`antennaPatternCsv`: `cut;angleDeg;gainDb`) or as an MSI Planet file's text (`antennaPatternMsi`). Power and gain are given for the three bands (0 where the model has
 * no radio). Validated before anything is added.
 */
import { z } from 'zod';
import { parsePatternText } from '../../../propagation/antenna/pattern.ts';
import { apModelSchema, type AntennaPattern, type ApModel } from '../../model/schema.ts';
import { readMsiPattern } from './msi-pattern.ts';

const fileModelSchema = apModelSchema.omit({ id: true, antennaPatternId: true, bandPatternIds: true }).extend({
  bomReference: z.string().max(120).default(''),
  priceEur: z.number().min(0).nullable().default(null),
  accessories: apModelSchema.shape.accessories.default([]),
  antennaPattern: z.object({ name: z.string().max(120).optional(), azimuthCutDb: z.array(z.number()).min(1).max(3600), elevationCutDb: z.array(z.number()).min(1).max(3600) }).optional(),
  antennaPatternCsv: z.string().max(200_000).optional(),
  /** An MSI Planet antenna file's text (`.msi`, `.pln`, `.ant`). */
  antennaPatternMsi: z.string().max(500_000).optional(),
  /** One MSI Planet file per band, as vendors publish them: each band's radios use their own. */
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
    const { antennaPattern, antennaPatternCsv, antennaPatternMsi, antennaPatternMsiByBand, ...model } = entry;
    let patternId: string | null = null;
    if (antennaPattern || antennaPatternCsv || antennaPatternMsi) {
      let cuts;
      let msiName: string | null = null;
      try {
        if (antennaPattern) cuts = parsePatternText(JSON.stringify(antennaPattern));
        else if (antennaPatternCsv) cuts = parsePatternText(antennaPatternCsv);
        else {
          const msi = readMsiPattern(antennaPatternMsi!);
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
      const text = antennaPatternMsiByBand?.[band];
      if (!text) continue;
      try {
        const msi = readMsiPattern(text);
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
