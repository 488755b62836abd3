/**
 * An Ekahau `.esx` project as an Ondeplan study (docs/exchange.md): floors, plans, walls and openings, areas, APs
 * and radios, requirements, notes; everything not mapped is counted in the import report with the reason and what
 * to do. Pure apart from hashing (Web Crypto): runs in the package worker.
 */
import { t } from '../../i18n/index.ts';
import { sha256Hex } from '../../io/sha256.ts';
import { createProject } from '../../model/create-project.ts';
import { LIMITS, type AssetRef, type ProjectDocument } from '../../model/schema.ts';
import { ImportReportBuilder } from '../import-report.ts';
import { readEsx, type EsxArchive } from './esx-archive.ts';
import { apsFromEsx } from './esx-aps.ts';
import { areasFromEsx } from './esx-areas.ts';
import { floorsToLevels, type PlacedFloor } from './esx-floors.ts';
import { wallsFromEsx } from './esx-walls.ts';
import { surveysFromEsx } from './esx-surveys.ts';
import { idMaker, warnRadioFindings } from '../import-shared.ts';
import type { ConvertedImport } from '../converted-import.ts';
import type { EsxNaming } from './esx-units.ts';

/** The product name Ondeplan writes in `projectHistorys` of the files it exports. */
export const ONDEPLAN_PRODUCT = 'Ondeplan';

export type EsxImport = ConvertedImport;

const MIME: Record<string, { mimeType: string; extension: string }> = {
  PNG: { mimeType: 'image/png', extension: 'png' },
  JPEG: { mimeType: 'image/jpeg', extension: 'jpg' },
  JPG: { mimeType: 'image/jpeg', extension: 'jpg' },
  SVG: { mimeType: 'image/svg+xml', extension: 'svg' },
};
/** Survey files Ondeplan does not read: spectrum captures and the tables only Ekahau's survey views use. */
const SURVEY_FILE = /^(spectrum-.*\.bin|measuredRadios\.json|surveyLookups\.json|wifiAdapterInformations\.json)$/;

export interface EsxImportOptions {
  id?: string;
  now?: Date;
  ids?: () => string;
}

export async function importEsx(bytes: Uint8Array, options: EsxImportOptions = {}): Promise<EsxImport> {
  const archive = readEsx(bytes);
  const history = archive.tables.projectHistorys.at(-1);
  const source = history ? t('exchange.esx.source', { product: history.productName ?? 'Ekahau', version: history.productVersion ?? '?', schema: history.schemaVersion ?? archive.project?.schemaVersion ?? '?' }) : t('exchange.esx.sourceUnknown');
  const report = new ImportReportBuilder(source);
  const title = (archive.project?.title || archive.project?.name || t('exchange.esx.defaultTitle')).slice(0, LIMITS.titleChars);
  const document = createProject({ title, id: options.id, now: options.now });
  let counter = 0;
  const ids = idMaker(document, options.ids ?? (() => `esx-${++counter}`));
  document.study.site.entityName = (archive.project?.customer ?? '').slice(0, LIMITS.entityNameChars);
  document.study.site.address = (archive.project?.location ?? '').slice(0, LIMITS.addressChars);
  document.study.author = (archive.project?.responsiblePerson ?? '').slice(0, LIMITS.referenceChars);

  const defaultBuilding = document.buildings[0]!;
  const buildings = new Map(archive.tables.buildings.map((building) => [building.id, { id: ids(building.id), name: (building.name || defaultBuilding.name).slice(0, 120) }]));
  const buildingIdOf = (esxId: string | undefined) => (esxId && buildings.get(esxId)?.id) || defaultBuilding.id;
  const fromOndeplan = history?.productName === ONDEPLAN_PRODUCT;
  const naming: EsxNaming = fromOndeplan
    ? { material: (name) => name, slab: (name) => name, profile: (name) => name, fromOndeplan }
    : { material: (name) => t('exchange.esx.materialName', { name }), slab: (name) => t('exchange.esx.slabName', { name }), profile: (name) => t('exchange.esx.profileName', { name }), fromOndeplan };
  const { floors, materials: slabMaterials } = floorsToLevels(archive.tables, ids, buildingIdOf, report, naming, new Set(document.materials.map((material) => material.id)));
  if (floors.length === 0) report.leaveOut(t('exchange.esx.left.noFloor.what'), t('exchange.esx.left.noFloor.why'), t('exchange.esx.left.noFloor.fix'));
  const usedBuildings = new Set(floors.map((floor) => floor.level.buildingId));
  const fileBuildings = [...buildings.values()].filter((building) => usedBuildings.has(building.id));
  document.buildings = [...((usedBuildings.has(defaultBuilding.id) || floors.length === 0) && !fileBuildings.some((building) => building.id === defaultBuilding.id) ? [defaultBuilding] : []), ...fileBuildings];
  if (floors.length > 0) document.levels = floors.map((floor) => floor.level);

  const assets = new Map<string, Uint8Array>();
  const svgPlans = await attachPlans(archive, floors, document, assets, report);
  const { walls, openings, materials: wallMaterials } = wallsFromEsx(archive.tables, floors, ids, report, naming, new Set(document.materials.map((material) => material.id)));
  const areas = areasFromEsx(archive.tables, floors, ids, document.requirementProfiles[0]!.id, report, naming, new Set(document.requirementProfiles.map((profile) => profile.id)));
  const aps = apsFromEsx(archive.tables, floors, document.apModels, ids, document.ssids.map((ssid) => ssid.id), report);
  document.materials.push(...slabMaterials, ...wallMaterials);
  document.walls = walls;
  document.openings = openings;
  document.attenuationAreas = areas.attenuationAreas;
  document.exclusionZones = areas.exclusionZones;
  document.coverageZones = areas.coverageZones;
  document.requirementProfiles.push(...areas.profiles);
  document.accessPoints = aps.accessPoints;
  document.apModels.push(...aps.apModels);
  document.antennaPatterns.push(...aps.antennaPatterns);

  const notes = archive.tables.notes.map((note) => note.text.trim()).filter(Boolean);
  if (notes.length > 0) document.study.notes = (fromOndeplan ? archive.tables.notes.map((note) => note.text).join('\n\n') : t('exchange.esx.notesHeading', { notes: notes.join('\n\n') })).slice(0, LIMITS.notesChars);
  report.count(t('exchange.esx.imported.notes'), notes.length);

  document.surveys = surveysFromEsx(archive.surveys, archive.tracks, archive.tables.accessPointMeasurements, floors, ids, report);
  const surveyFiles = archive.unread.filter((name) => SURVEY_FILE.test(name));
  report.leaveOut(t('exchange.esx.left.surveys.what'), t('exchange.esx.left.surveys.why', { files: surveyFiles.slice(0, 5).join(', ') }), t('exchange.esx.left.surveys.fix'), surveyFiles.length);
  const otherFiles = archive.unread.filter((name) => !SURVEY_FILE.test(name) && name !== 'version' && name !== 'project.json');
  report.leaveOut(t('exchange.esx.left.tables.what'), t('exchange.esx.left.tables.why', { files: otherFiles.join(', ') }), t('exchange.esx.left.tables.fix'), otherFiles.length);
  for (const [table, count] of archive.invalid) report.leaveOut(t('exchange.esx.left.invalid.what', { table }), t('exchange.esx.left.invalid.why'), t('exchange.esx.left.invalid.fix'), count);
  warnRadioFindings(document, report);
  return { document, assets, report: report.build(), svgPlans };
}

/** Each level's picture: the floor plan's image (an SVG for a plan made from a PDF), else its bitmap. */
async function attachPlans(archive: EsxArchive, floors: readonly PlacedFloor[], document: ProjectDocument, assets: Map<string, Uint8Array>, builder: ImportReportBuilder): Promise<EsxImport['svgPlans']> {
  const images = new Map(archive.tables.images.map((image) => [image.id, image]));
  const svgPlans: EsxImport['svgPlans'] = [];
  const addAsset = async (imageId: string | undefined, name: string): Promise<(AssetRef & { format: string }) | null> => {
    const image = imageId ? images.get(imageId) : undefined;
    const bytes = imageId ? archive.images.get(imageId) : undefined;
    const kind = image ? MIME[image.imageFormat.toUpperCase()] : undefined;
    if (!image || !bytes || !kind) return null;
    const sha256 = await sha256Hex(bytes);
    assets.set(sha256, bytes);
    const asset: AssetRef = { sha256, name: `${name}.${kind.extension}`.slice(0, 300), mimeType: kind.mimeType, byteLength: bytes.byteLength };
    if (!document.assets.some((known) => known.sha256 === sha256)) document.assets.push(asset);
    return { ...asset, format: image.imageFormat.toUpperCase() };
  };
  let missing = 0;
  for (const { level, plan } of floors) {
    const main = await addAsset(plan.imageId, `plan-${level.name}`);
    const bitmap = plan.bitmapImageId && plan.bitmapImageId !== plan.imageId ? await addAsset(plan.bitmapImageId, `plan-${level.name}-bitmap`) : null;
    const picture = main ?? bitmap;
    if (!picture) {
      missing++;
      continue;
    }
    const hasCrop = plan.cropMinX !== undefined && plan.cropMinY !== undefined && plan.cropMaxX !== undefined && plan.cropMaxY !== undefined && plan.cropMaxX > plan.cropMinX && plan.cropMaxY > plan.cropMinY;
    const fullCrop = hasCrop && plan.cropMinX! <= 0 && plan.cropMinY! <= 0 && plan.cropMaxX! >= plan.width && plan.cropMaxY! >= plan.height;
    level.plan = {
      format: picture.format === 'SVG' ? 'svg' : 'image',
      assetSha256: picture.sha256,
      sourceSha256: null,
      vectorsSha256: null,
      vectorLayers: [],
      page: 1,
      widthUnits: plan.width,
      heightUnits: plan.height,
      crop: hasCrop && !fullCrop ? { x: plan.cropMinX!, y: plan.cropMinY!, width: plan.cropMaxX! - plan.cropMinX!, height: plan.cropMaxY! - plan.cropMinY! } : null,
      rotationDeg: 0,
    };
    if (picture.format === 'SVG') svgPlans.push({ levelId: level.id, sha256: picture.sha256, fallback: bitmap ? { sha256: bitmap.sha256, mimeType: bitmap.mimeType, name: bitmap.name } : null });
    builder.count(t('exchange.esx.imported.plans'));
  }
  // Assets no plan uses (a bitmap behind an SVG that stays) are dropped once the SVGs are settled.
  builder.leaveOut(t('exchange.esx.left.noImage.what'), t('exchange.esx.left.noImage.why'), t('exchange.esx.left.noImage.fix'), missing);
  return svgPlans;
}
