import { CURRENT_FORMAT_VERSION } from './schema.ts';
import { emptyDelivery } from './empty-delivery.ts';
import { ProjectLoadError } from './project-load-error.ts';

/** Takes a document of version `from` to version `from + 1`. Pure, never mutates its input. */
export interface Migration {
  from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The registry of migrations, oldest first. Each format bump adds one entry here, one frozen fixture in
 * fixtures/project-format/, and a line in docs/project-format.md.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    // v2: plans say what was imported and may keep the source file and its vector lines (the editor's import).
    from: 1,
    migrate: (document) => {
      const levels = Array.isArray(document.levels) ? (document.levels as Record<string, unknown>[]) : [];
      const accessPoints = Array.isArray(document.accessPoints) ? (document.accessPoints as Record<string, unknown>[]) : [];
      const surveys = Array.isArray(document.surveys) ? (document.surveys as Record<string, unknown>[]) : [];
      return {
        ...document,
        accessPoints: accessPoints.map((ap) => ({ bssidPrefix: '', ...ap })),
        // v2: survey readings may lack a channel and carry a width; points may carry an active test; datasets say their source.
        surveys: surveys.map((survey) => ({
          source: '',
          ...survey,
          points: (Array.isArray(survey.points) ? (survey.points as Record<string, unknown>[]) : []).map((point) => ({
            active: null,
            ...point,
            readings: (Array.isArray(point.readings) ? (point.readings as Record<string, unknown>[]) : []).map((reading) => ({ widthMHz: null, ...reading })),
          })),
        })),
        levels: levels.map((level) => {
          const plan = level?.plan as Record<string, unknown> | null | undefined;
          if (!plan || typeof plan !== 'object') return level;
          return { ...level, plan: { format: 'image', ...plan, sourceSha256: null, vectorsSha256: null, vectorLayers: [] } };
        }),
      };
    },
  },
  {
    // v3: profiles carry their airtime limit (the rule until then: 50 % where a second AP is asked, 70 % otherwise);
    // levels may have areas where APs can be mounted.
    from: 2,
    migrate: (document) => {
      const profiles = Array.isArray(document.requirementProfiles) ? (document.requirementProfiles as Record<string, unknown>[]) : [];
      return {
        ...document,
        requirementProfiles: profiles.map((profile) => ({ maxAirtimeShare: profile.minSecondaryRssiDbm == null ? 0.7 : 0.5, ...profile })),
        mountingAreas: [],
      };
    },
  },
  {
    // v4: the study carries the deliverables' document control (contractor, contract, complexity, inputs received,
    // participants, versions, log, reservations); v3 studies start with it empty.
    from: 3,
    migrate: (document) => {
      const study = (document.study ?? {}) as Record<string, unknown>;
      return { ...document, study: { ...study, delivery: emptyDelivery() } };
    },
  },
  {
    // v5: levels may have openings in their slab (atria, stairwells) where paths between floors pay no slab; the
    // prediction settings gain the dominant-path option, off (the only model until then).
    from: 4,
    migrate: (document) => ({
      ...document,
      slabOpenings: [],
      prediction: { ...((document.prediction ?? {}) as Record<string, unknown>), dominantPath: { enabled: false, turnLossDbAt90: 10, heavyWallDb: 10 } },
    }),
  },
  {
    // v6: AP models say their PoE class and power draw, where they mount, and where their numbers come from;
    // v5 models start with these unknown.
    from: 5,
    migrate: (document) => ({
      ...document,
      apModels: (Array.isArray(document.apModels) ? (document.apModels as Record<string, unknown>[]) : []).map((model) => ({ poeClass: null, maxPowerDrawW: null, mounting: [], source: '', ...model })),
    }),
  },
];

export function readFormatVersion(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ProjectLoadError('not-a-project');
  const version = (raw as Record<string, unknown>).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ProjectLoadError('not-a-project');
  return version;
}

/** Runs every migration from the document's version up to `targetVersion`. */
export function migrateToCurrent(
  raw: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  targetVersion: number = CURRENT_FORMAT_VERSION,
): Record<string, unknown> {
  let version = readFormatVersion(raw);
  if (version > targetVersion) throw new ProjectLoadError('newer-version', [], { version, current: targetVersion });
  let document = raw as Record<string, unknown>;
  while (version < targetVersion) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step) throw new ProjectLoadError('unknown-version', [], { version });
    document = { ...step.migrate(document), formatVersion: version + 1 };
    version += 1;
  }
  return document;
}
