import { z } from 'zod';
import { t } from '../i18n/index.ts';

// Validation messages in French, like every text the user reads; no compiled validators (`new Function`), which the
// Content-Security-Policy forbids.
z.config({ ...z.locales.fr(), jitless: true });

/**
 * Ondeplan project document, format version 2.
 * Every length is in metres, every power in dBm, every loss in dB, every frequency or width in MHz.
 * Geometry lives in a level's frame: origin at the plan's top-left corner, x to the right, y downwards.
 * docs/project-format.md documents each field; keep the two in step.
 */
export const CURRENT_FORMAT_VERSION = 6 as const;

/**
 * Bounds every stored value must respect, enforced by the gate on every change and on import (docs/limits.md).
 * A site fits in a 10 km square around its plan's origin; text fields have the lengths below.
 */
export const LIMITS = {
  coordinateM: 10_000,
  polygonVertices: 10_000,
  /** Shortest wall kept: below a millimetre a wall has no direction. */
  minWallLengthM: 0.001,
  minMetersPerUnit: 1e-9,
  titleChars: 300,
  entityNameChars: 300,
  addressChars: 500,
  /** Author, DIT, quote and order references. */
  referenceChars: 200,
  notesChars: 20_000,
} as const;

const id = z.string().min(1).max(200);
const finite = z.number().finite();
const nonNegative = finite.min(0);
const positive = finite.gt(0);

export const BAND_IDS = ['2.4', '5', '6'] as const;
export const bandSchema = z.enum(BAND_IDS);
export type Band = z.infer<typeof bandSchema>;

export const pointMSchema = z.object({ xM: finite.min(-LIMITS.coordinateM).max(LIMITS.coordinateM), yM: finite.min(-LIMITS.coordinateM).max(LIMITS.coordinateM) });
export type PointM = z.infer<typeof pointMSchema>;

const polygonMSchema = z.array(pointMSchema).min(3).max(LIMITS.polygonVertices);

/** A value per band, in the unit its field name gives. */
const perBand = (value: z.ZodNumber) => z.object({ '2.4': value, '5': value, '6': value });

export const STUDY_KINDS = ['etude-sur-plan', 'etude-sur-site', 'audit-sur-site'] as const;
export const SITE_ENTITY_KINDS = ['juridiction', 'service', 'autre'] as const;

/** What the administration supplies for a 4.1.6 service (CCTP §4.1.6, « Éléments fournis par l’administration »). */
export const ADMINISTRATION_INPUTS = ['plans', 'classification', 'zones', 'utilisateurs', 'debit', 'bandes', 'ssid', 'modele-borne', 'complexite'] as const;
export const INPUT_STATUSES = ['a-preciser', 'recu', 'manquant', 'sans-objet'] as const;
export const COMPLEXITIES = ['simple', 'moyenne', 'complexe'] as const;

const isoDate = z.iso.date();
const shortText = z.string().max(LIMITS.referenceChars);

/** Document control of the deliverables: who, what was received, versions, what was done, reservations. */
export const deliverySchema = z.object({
  contractor: shortText,
  contractNumber: shortText,
  complexity: z.enum(COMPLEXITIES).nullable(),
  /** Marks every document « Diffusion restreinte ». */
  restricted: z.boolean(),
  participants: z.array(z.object({ name: shortText.min(1), organisation: shortText, role: shortText })).max(50),
  inputs: z.array(z.object({ item: z.enum(ADMINISTRATION_INPUTS), status: z.enum(INPUT_STATUSES), note: shortText })).max(ADMINISTRATION_INPUTS.length),
  revisions: z.array(z.object({ version: z.string().min(1).max(20), date: isoDate, author: shortText, changes: shortText })).max(100),
  /** What was done, when, by whom (the compte rendu's log). */
  activities: z.array(z.object({ date: isoDate, who: shortText, what: z.string().min(1).max(1000) })).max(200),
  reservations: z.string().max(LIMITS.notesChars),
  /** Where the network cabinet is: cable runs in the equipment list are estimated from each AP to it. */
  technicalRoom: z.object({ levelId: id, position: pointMSchema }).nullable(),
  /** Spare APs ordered, as a share of the APs placed (rounded up). */
  spareShare: finite.min(0).max(1),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const studySchema = z.object({
  kind: z.enum(STUDY_KINDS),
  title: z.string().min(1).max(LIMITS.titleChars),
  site: z.object({
    entityKind: z.enum(SITE_ENTITY_KINDS),
    entityName: z.string().max(LIMITS.entityNameChars),
    address: z.string().max(LIMITS.addressChars),
    dit: z.string().max(LIMITS.referenceChars),
  }),
  author: z.string().max(LIMITS.referenceChars),
  /** ISO dates (YYYY-MM-DD) or null when not yet known. */
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  quoteReference: z.string().max(LIMITS.referenceChars),
  orderReference: z.string().max(LIMITS.referenceChars),
  notes: z.string().max(LIMITS.notesChars),
  delivery: deliverySchema,
});
export type Study = z.infer<typeof studySchema>;

export const materialSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  /** Loss for one crossing at normal incidence, per band. */
  lossDb: perBand(nonNegative.max(200)),
  thicknessM: nonNegative.max(5),
  /** CSS colour used on plans, `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  source: z.string().max(500),
});
export type Material = z.infer<typeof materialSchema>;

export const antennaPatternSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  /** Gain relative to boresight (dB, ≤ 0) at evenly spaced angles starting at 0°, clockwise for azimuth. */
  azimuthCutDb: z.array(finite).min(1).max(3600),
  /** Gain relative to boresight (dB, ≤ 0) from −90° (up) to +90° (down), evenly spaced. */
  elevationCutDb: z.array(finite).min(1).max(3600),
});
export type AntennaPattern = z.infer<typeof antennaPatternSchema>;

/** Mounting places of an AP model. */
export const AP_MOUNTINGS = ['plafond', 'faux-plafond', 'mur', 'bureau', 'exterieur'] as const;

export const apModelSchema = z.object({
  id,
  vendor: z.string().max(120),
  model: z.string().min(1).max(120),
  bands: z.array(bandSchema).min(1),
  maxTxPowerDbm: perBand(finite.min(-10).max(36)),
  antennaGainDbi: perBand(finite.min(-10).max(30)),
  /** null means omnidirectional in azimuth. */
  antennaPatternId: id.nullable(),
  /**
   * A band's own pattern where the vendor gives one per band (the engine uses it for that band's radio, and
   * `antennaPatternId` for the others); absent or null: `antennaPatternId`.
   */
  bandPatternIds: z.object({ '2.4': id.nullable(), '5': id.nullable(), '6': id.nullable() }).partial().optional(),
  spatialStreams: z.number().int().min(1).max(16),
  bomReference: z.string().max(120),
  priceEur: nonNegative.nullable(),
  accessories: z.array(z.object({ reference: z.string().max(120), label: z.string().max(200), priceEur: nonNegative.nullable() })),
  /** IEEE 802.3 PoE power class the AP needs for full function (0–3 af, 4 at, 5–8 bt); null when unknown. */
  poeClass: z.number().int().min(0).max(8).nullable(),
  /** Largest power the AP draws at its port (W); null when unknown. */
  maxPowerDrawW: nonNegative.max(100).nullable(),
  /** Where the model may be mounted. */
  mounting: z.array(z.enum(AP_MOUNTINGS)).max(AP_MOUNTINGS.length),
  /** Where the model's numbers come from (datasheet, assumption). */
  source: z.string().max(1000),
});
export type ApModel = z.infer<typeof apModelSchema>;

export const ssidSchema = z.object({
  id,
  name: z.string().min(1).max(32),
  bands: z.array(bandSchema).min(1),
  security: z.enum(['wpa2-entreprise', 'wpa3-entreprise', 'wpa2-personnel', 'wpa3-personnel', 'ouvert']),
  hidden: z.boolean(),
});
export type Ssid = z.infer<typeof ssidSchema>;

export const requirementProfileSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  minPrimaryRssiDbm: finite.min(-100).max(-20),
  minSecondaryRssiDbm: finite.min(-100).max(-20).nullable(),
  minSnrDb: finite.min(0).max(60),
  /** Same-channel APs heard above `coChannelThresholdDbm` that are tolerated; null = no limit. */
  maxCoChannelAps: z.number().int().min(0).max(50).nullable(),
  coChannelThresholdDbm: finite.min(-100).max(-40),
  minPhyRateMbps: nonNegative.nullable(),
  /** Share of a radio's airtime the zone's traffic may take (capacity flag and sizing), e.g. 0.7 data, 0.5 voice. */
  maxAirtimeShare: finite.min(0.05).max(1),
  source: z.string().max(500),
});
export type RequirementProfile = z.infer<typeof requirementProfileSchema>;

export const assetSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().max(300),
  mimeType: z.string().max(120),
  byteLength: z.number().int().min(0),
});
export type AssetRef = z.infer<typeof assetSchema>;

export const buildingSchema = z.object({ id, name: z.string().min(1).max(120) });
export type Building = z.infer<typeof buildingSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const PLAN_FORMATS = ['image', 'pdf', 'svg', 'dxf'] as const;

export const planSourceSchema = z.object({
  /** What the user imported; the picture shown is always `assetSha256` (a raster for PDF and DXF). */
  format: z.enum(PLAN_FORMATS),
  /** Image drawn under the level (PNG, JPEG, WebP or SVG), spanning widthUnits × heightUnits. */
  assetSha256: sha256,
  /** The imported file itself (PDF, DXF, SVG), kept for re-rendering; null for images. */
  sourceSha256: sha256.nullable(),
  /** Vector lines of the plan (little-endian Float32 x0,y0,x1,y1,… in plan units), for snapping and wall suggestion. */
  vectorsSha256: sha256.nullable(),
  /**
   * Groups of the vector lines, in file order: the first `count` lines belong to the first group, and so on. DXF
   * layers, or PDF line styles; empty when the lines are not grouped.
   */
  vectorLayers: z.array(z.object({ name: z.string().max(200), count: z.number().int().min(0) })).max(5000),
  /** 1-based page for PDFs, 1 for images. */
  page: z.number().int().min(1),
  /** Plan units: pixels for images, PDF points for PDFs, drawing units for DXF. */
  widthUnits: positive.max(1e12),
  heightUnits: positive.max(1e12),
  crop: z.object({ x: finite.min(-1e12).max(1e12), y: finite.min(-1e12).max(1e12), width: positive.max(1e12), height: positive.max(1e12) }).nullable(),
  rotationDeg: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
});
export type PlanSource = z.infer<typeof planSourceSchema>;

export const levelSchema = z.object({
  id,
  buildingId: id,
  name: z.string().min(1).max(120),
  /** Floor elevation above the building reference (m); levels stack by this value. */
  elevationM: finite.min(-100).max(1000),
  floorToFloorHeightM: positive.max(50),
  slabMaterialId: id,
  plan: planSourceSchema.nullable(),
  /** Plan scale: metres per plan unit; null until the level is calibrated. */
  metersPerUnit: finite.min(LIMITS.minMetersPerUnit).nullable(),
  /** Placement of this level's frame on the level below (m, degrees); null when not aligned. */
  alignment: z
    .object({ offsetXM: finite.min(-LIMITS.coordinateM).max(LIMITS.coordinateM), offsetYM: finite.min(-LIMITS.coordinateM).max(LIMITS.coordinateM), rotationDeg: finite.min(-360).max(360) })
    .nullable(),
}).refine((level) => !level.plan || level.metersPerUnit === null || Math.max(level.plan.widthUnits, level.plan.heightUnits) * level.metersPerUnit <= 2 * LIMITS.coordinateM, {
  error: () => t('errors.gate.scaleTooLarge', { km: (2 * LIMITS.coordinateM) / 1000 }),
  path: ['metersPerUnit'],
});
export type Level = z.infer<typeof levelSchema>;

export const wallSchema = z.object({
  id,
  levelId: id,
  from: pointMSchema,
  to: pointMSchema,
  materialId: id,
  /** Heights above the level floor (m); null means from the floor / up to the ceiling. */
  bottomM: nonNegative.max(1000).nullable(),
  topM: nonNegative.max(1000).nullable(),
})
  .refine((wall) => Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM) >= LIMITS.minWallLengthM, { error: () => t('errors.gate.zeroLengthWall'), path: ['to'] })
  .refine((wall) => wall.bottomM === null || wall.topM === null || wall.topM > wall.bottomM, { error: () => t('errors.gate.wallTopBelowBottom'), path: ['topM'] });
export type Wall = z.infer<typeof wallSchema>;

export const openingSchema = z.object({
  id,
  levelId: id,
  wallId: id,
  kind: z.enum(['porte', 'fenetre']),
  /** Distance from the wall's `from` end to the opening's centre (m). */
  offsetM: nonNegative.max(2 * LIMITS.coordinateM),
  widthM: positive.max(50),
  materialId: id,
  bottomM: nonNegative.max(1000),
  topM: nonNegative.max(1000),
}).refine((opening) => opening.topM > opening.bottomM, { error: () => t('errors.gate.openingTopBelowBottom'), path: ['topM'] });
export type Opening = z.infer<typeof openingSchema>;

export const attenuationAreaSchema = z.object({
  id,
  levelId: id,
  name: z.string().max(120),
  polygon: polygonMSchema,
  lossDbPerM: perBand(nonNegative.max(100)),
});
export type AttenuationArea = z.infer<typeof attenuationAreaSchema>;

export const coverageZoneSchema = z.object({
  id,
  levelId: id,
  name: z.string().min(1).max(120),
  polygon: polygonMSchema,
  requirementProfileId: id,
  userCount: z.number().int().min(0).max(100000),
  userProfile: z.string().max(120),
  throughputPerUserMbps: nonNegative.max(10000),
});
export type CoverageZone = z.infer<typeof coverageZoneSchema>;

export const exclusionZoneSchema = z.object({
  id,
  levelId: id,
  name: z.string().max(120),
  polygon: polygonMSchema,
  reason: z.string().max(500),
});
export type ExclusionZone = z.infer<typeof exclusionZoneSchema>;

/** Where APs may be mounted (ceilings reachable, cable trays…); when a level has some, automatic placement uses only them. */
export const mountingAreaSchema = z.object({
  id,
  levelId: id,
  name: z.string().max(120),
  polygon: polygonMSchema,
});
export type MountingArea = z.infer<typeof mountingAreaSchema>;

/**
 * Where the slab under a level is absent (atrium, stairwell, lift shaft): a path between floors through it does not
 * pay that slab. Drawn on the level whose floor has the hole.
 */
export const slabOpeningSchema = z.object({
  id,
  levelId: id,
  name: z.string().max(120),
  polygon: polygonMSchema,
});
export type SlabOpening = z.infer<typeof slabOpeningSchema>;

export const CHANNEL_WIDTHS_MHZ = [20, 40, 80, 160] as const;

export const radioSchema = z.object({
  id,
  band: bandSchema,
  /** IEEE channel number (primary 20 MHz channel). */
  channel: z.number().int().min(1).max(233),
  widthMHz: z.union([z.literal(20), z.literal(40), z.literal(80), z.literal(160)]),
  txPowerDbm: finite.min(-10).max(36),
  enabled: z.boolean(),
  ssidIds: z.array(id),
});
export type Radio = z.infer<typeof radioSchema>;

export const accessPointSchema = z.object({
  id,
  name: z.string().min(1).max(120),
  levelId: id,
  modelId: id,
  position: pointMSchema,
  mountingHeightM: nonNegative.max(50),
  /** Boresight direction, degrees clockwise from the plan's x axis. */
  azimuthDeg: finite.min(-360).max(360),
  /** Down-tilt, degrees below horizontal. */
  tiltDeg: finite.min(-90).max(90),
  radios: z.array(radioSchema),
  /** Locked APs are kept by automatic placement. */
  locked: z.boolean(),
  /**
   * Start of the BSSIDs this AP broadcasts (hex, separators ignored; empty when unknown): survey readings whose BSSID
   * starts with it are this AP's. One AP has several BSSIDs (one per band and SSID) that share it.
   */
  bssidPrefix: z.string().max(40),
});
export type AccessPoint = z.infer<typeof accessPointSchema>;

export const INTERFERENCE_KINDS = ['micro-ondes', 'dect', 'bluetooth', 'radar', 'video-sans-fil', 'autre'] as const;

export const interferenceSourceSchema = z.object({
  id,
  levelId: id,
  name: z.string().max(120),
  kind: z.enum(INTERFERENCE_KINDS),
  position: pointMSchema,
  band: bandSchema,
  centerFrequencyMHz: positive.max(100_000),
  bandwidthMHz: positive.max(10_000),
  powerDbm: finite.min(-50).max(60),
  /** Fraction of time the source transmits, 0–1. */
  dutyCycle: finite.min(0).max(1),
});
export type InterferenceSource = z.infer<typeof interferenceSourceSchema>;

export const surveyDatasetSchema = z.object({
  id,
  levelId: id,
  name: z.string().min(1).max(200),
  /** Where the measurements come from (file name and format), for the audit report. */
  source: z.string().max(300),
  /** Added to every reading of this dataset (adapter vs. reference device), dB. */
  deviceOffsetDb: finite.min(-40).max(40),
  points: z.array(
    z.object({
      position: pointMSchema,
      /** ISO timestamp or null. */
      time: z.string().max(40).nullable(),
      readings: z.array(
        z.object({
          /** Empty when the file only gives the best signal of the band (no AP identity). */
          bssid: z.string().max(40),
          ssid: z.string().max(64),
          band: bandSchema,
          /** IEEE channel, or null when the file does not say. */
          channel: z.number().int().min(1).max(233).nullable(),
          widthMHz: z.union([z.literal(20), z.literal(40), z.literal(80), z.literal(160)]).nullable(),
          rssiDbm: finite.min(-150).max(0),
          noiseDbm: finite.min(-150).max(0).nullable(),
        }),
      ),
      /** Active test at this point (iperf3), or null. */
      active: z
        .object({
          protocol: z.enum(['tcp', 'udp']),
          downloadMbps: nonNegative.nullable(),
          uploadMbps: nonNegative.nullable(),
          jitterMs: nonNegative.nullable(),
          lossPercent: finite.min(0).max(100).nullable(),
        })
        .nullable(),
    }),
  ),
});
export type SurveyDataset = z.infer<typeof surveyDatasetSchema>;

export const PROPAGATION_MODELS = ['multi-murs', 'espace-libre', 'log-distance', 'itu-p1238'] as const;

export const predictionSettingsSchema = z.object({
  model: z.enum(PROPAGATION_MODELS),
  /** Path-loss exponent used by the log-distance and multi-wall models. */
  pathLossExponent: finite.min(1).max(6),
  clientHeightM: nonNegative.max(10),
  gridResolutionM: finite.min(0.1).max(5),
  clientNoiseFigureDb: finite.min(0).max(20),
  clientAntennaGainDbi: finite.min(-20).max(20),
  /**
   * Bent paths round heavy walls (dominant path, docs/propagation.md): off by default, the straight multi-wall path
   * then decides alone. A turn of φ costs φ/90° × `turnLossDbAt90`; walls of at least `heavyWallDb` offer their ends.
   */
  dominantPath: z.object({ enabled: z.boolean(), turnLossDbAt90: finite.min(0).max(40), heavyWallDb: finite.min(1).max(100) }),
});
export type PredictionSettings = z.infer<typeof predictionSettingsSchema>;

export const projectDocumentSchema = z.object({
  formatVersion: z.literal(CURRENT_FORMAT_VERSION),
  id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  study: studySchema,
  prediction: predictionSettingsSchema,
  materials: z.array(materialSchema),
  antennaPatterns: z.array(antennaPatternSchema),
  apModels: z.array(apModelSchema),
  ssids: z.array(ssidSchema),
  requirementProfiles: z.array(requirementProfileSchema),
  assets: z.array(assetSchema),
  buildings: z.array(buildingSchema),
  levels: z.array(levelSchema),
  walls: z.array(wallSchema),
  openings: z.array(openingSchema),
  attenuationAreas: z.array(attenuationAreaSchema),
  coverageZones: z.array(coverageZoneSchema),
  exclusionZones: z.array(exclusionZoneSchema),
  mountingAreas: z.array(mountingAreaSchema),
  slabOpenings: z.array(slabOpeningSchema),
  accessPoints: z.array(accessPointSchema),
  interferenceSources: z.array(interferenceSourceSchema),
  surveys: z.array(surveyDatasetSchema),
});
export type ProjectDocument = z.infer<typeof projectDocumentSchema>;
