/**
 * An Ondeplan study as an Ekahau `.esx` project (docs/exchange.md): the documented structure — one JSON table per
 * file holding `{ "<table>": [...] }`, `project.json`, `image-<id>` blobs, `version` — with Ondeplan's ids kept, so
 * that the file imports back into Ondeplan as the same study apart from what `.esx` cannot hold (`losses`).
 * Coordinates are plan units from the picture's top-left; losses become dB per metre over the material's thickness.
 */
import { strToU8, zipSync } from 'fflate';
import { anyChannelBlock } from '../../../propagation/radio/channels.ts';
import { t } from '../../i18n/index.ts';
import { displayMetersPerUnit } from '../../model/plan-scale.ts';
import { unturnPoint } from '../../model/plan-frame.ts';
import type { Band, Level, Material, ProjectDocument } from '../../model/schema.ts';
import { ONDEPLAN_PRODUCT } from './esx-import.ts';
import { BAND_ESX } from './esx-units.ts';
import { drawnSizeM } from '../plan-size.ts';

const SCHEMA_VERSION = '1.9.0';
const BANDS: Band[] = ['2.4', '5', '6'];
/** Plan units of a level without plan: 5 cm, over the extent of what is drawn on it. */
const BLANK_METERS_PER_UNIT = 0.05;
const IMAGE_FORMAT: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' };

export interface EsxExport {
  bytes: Uint8Array;
  /** What the file does not carry, as French lines (shown to the user). */
  losses: string[];
}

interface FloorFrame {
  level: Level;
  metersPerUnit: number;
  toUnits(xM: number, yM: number): { x: number; y: number };
  width: number;
  height: number;
}

export function exportEsx(document: ProjectDocument, assets: ReadonlyMap<string, Uint8Array>, now = new Date()): EsxExport {
  const losses = new Set<string>();
  const lose = (key: Parameters<typeof lossText>[0], count: number) => {
    if (count > 0) losses.add(lossText(key, count));
  };
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const models = new Map(document.apModels.map((model) => [model.id, model]));
  const files: Record<string, Uint8Array> = { version: strToU8('2.0') };
  const table = (name: string, rows: unknown[]) => (files[`${name}.json`] = strToU8(JSON.stringify({ [name]: rows })));
  const created = { status: 'CREATED' };

  // Floors: the picture's units, unturned; a level without plan gets a frame of 5 cm units and no image.
  const frames = new Map<string, FloorFrame>();
  const images: unknown[] = [];
  for (const level of document.levels) {
    const plan = level.plan;
    const asset = plan ? document.assets.find((candidate) => candidate.sha256 === plan.assetSha256) : undefined;
    const format = asset ? IMAGE_FORMAT[asset.mimeType] : undefined;
    if (plan && format && assets.has(plan.assetSha256)) {
      const metersPerUnit = displayMetersPerUnit(level);
      frames.set(level.id, { level, metersPerUnit, toUnits: (xM, yM) => unturnPoint(plan, xM / metersPerUnit, yM / metersPerUnit), width: plan.widthUnits, height: plan.heightUnits });
      images.push({ imageFormat: format, resolutionWidth: plan.widthUnits, resolutionHeight: plan.heightUnits, id: `image-${level.id}`, ...created });
      files[`image-image-${level.id}`] = assets.get(plan.assetSha256)!;
      if (plan.rotationDeg !== 0) lose('rotation', 1);
      if (level.metersPerUnit === null) lose('scale', 1);
    } else {
      if (plan) lose('imageFormat', 1);
      // A plan in a format Ekahau does not read counts by its drawing, like a level without plan.
      const extent = drawnSizeM(document, level.id);
      frames.set(level.id, { level, metersPerUnit: BLANK_METERS_PER_UNIT, toUnits: (xM, yM) => ({ x: xM / BLANK_METERS_PER_UNIT, y: yM / BLANK_METERS_PER_UNIT }), width: Math.ceil(extent.width / BLANK_METERS_PER_UNIT), height: Math.ceil(extent.length / BLANK_METERS_PER_UNIT) });
      lose('noPlan', 1);
    }
  }
  const coord = (levelId: string, point: { xM: number; yM: number }) => frames.get(levelId)!.toUnits(point.xM, point.yM);
  const polygon = (levelId: string, points: readonly { xM: number; yM: number }[]) => points.map((point) => coord(levelId, point));

  table(
    'floorPlans',
    document.levels.map((level) => {
      const frame = frames.get(level.id)!;
      const crop = level.plan?.crop;
      return {
        name: level.name,
        width: frame.width,
        height: frame.height,
        metersPerUnit: frame.metersPerUnit,
        ...(images.some((image) => (image as { id: string }).id === `image-${level.id}`) ? { imageId: `image-${level.id}` } : {}),
        gpsReferencePoints: [],
        floorPlanType: 'FSPL',
        cropMinX: crop?.x ?? 0,
        cropMinY: crop?.y ?? 0,
        cropMaxX: crop ? crop.x + crop.width : frame.width,
        cropMaxY: crop ? crop.y + crop.height : frame.height,
        rotateUpDirection: 'UP',
        tags: [],
        id: level.id,
        ...created,
      };
    }),
  );
  table('images', images);
  table('buildings', document.buildings.map((building) => ({ name: building.name, tags: [], id: building.id, ...created })));

  // Levels stack by elevation in each building; Ekahau keeps a floor number and a height.
  const stacked = [...document.levels].sort((a, b) => a.elevationM - b.elevationM);
  const slabThickness = (material: Material | undefined) => (material && material.thicknessM > 0 ? material.thicknessM : 1);
  let gaps = 0;
  table(
    'buildingFloors',
    stacked.map((level) => {
      const sameBuilding = stacked.filter((candidate) => candidate.buildingId === level.buildingId);
      const index = sameBuilding.indexOf(level);
      const above = sameBuilding[index + 1];
      if ((index === 0 && level.elevationM !== 0) || (above && Math.abs(above.elevationM - level.elevationM - level.floorToFloorHeightM) > 1e-6)) gaps++;
      return { floorPlanId: level.id, buildingId: level.buildingId, floorTypeId: level.slabMaterialId, floorNumber: index, height: level.floorToFloorHeightM, thickness: slabThickness(materials.get(level.slabMaterialId)), id: `etage-${level.id}`, ...created };
    }),
  );
  lose('elevation', gaps);
  const slabMaterials = [...new Set(document.levels.map((level) => level.slabMaterialId))].map((id) => materials.get(id)!).filter(Boolean);
  table('floorTypes', slabMaterials.map((material) => ({ key: 'Ondeplan', name: material.name, propagationProperties: perMetre(material.lossDb, slabThickness(material)), isDefault: false, id: material.id, ...created })));

  // Alignment: two reference points per aligned level, on it and on the level below (p_below = R·p + offset).
  const referencePoints: unknown[] = [];
  for (const level of stacked) {
    if (!level.alignment) continue;
    const sameBuilding = stacked.filter((candidate) => candidate.buildingId === level.buildingId);
    const below = sameBuilding[sameBuilding.indexOf(level) - 1];
    if (!below) continue;
    const turn = (level.alignment.rotationDeg * Math.PI) / 180;
    [[0, 0], [10, 0]].forEach(([x, y], index) => {
      const onBelow = { xM: Math.cos(turn) * x! - Math.sin(turn) * y! + level.alignment!.offsetXM, yM: Math.sin(turn) * x! + Math.cos(turn) * y! + level.alignment!.offsetYM };
      referencePoints.push({ name: t('exchange.esx.export.referencePoint', { level: level.name, number: index + 1 }), projections: [{ floorPlanId: level.id, coord: coord(level.id, { xM: x!, yM: y! }) }, { floorPlanId: below.id, coord: coord(below.id, onBelow) }], id: `repere-${level.id}-${index + 1}`, ...created });
    });
  }
  table('referencePoints', referencePoints);

  // Wall types: one per material and height band of walls; one per material, kind and height of openings.
  const wallTypes = new Map<string, unknown>();
  const wallTypeId = (material: Material, bottom: number | null, top: number | null, kind: 'porte' | 'fenetre' | null): string => {
    const variant = kind || bottom !== null || top !== null ? `${material.id}~${kind ?? 'mur'}~${bottom ?? ''}~${top ?? ''}` : material.id;
    if (!wallTypes.has(variant)) {
      const thickness = slabThickness(material);
      wallTypes.set(variant, {
        name: material.name,
        key: kind === 'porte' ? 'OndeplanDoor' : kind === 'fenetre' ? 'OndeplanWindow' : 'OndeplanWall',
        color: material.color.toUpperCase(),
        propagationProperties: perMetre(material.lossDb, thickness),
        thickness,
        ...(bottom !== null ? { lowerEdge: bottom } : {}),
        ...(top !== null ? { upperEdge: top } : {}),
        id: variant,
        ...created,
      });
    }
    return variant;
  };
  const wallPoints: unknown[] = [];
  const wallSegments: unknown[] = [];
  const segment = (id: string, levelId: string, from: { xM: number; yM: number }, to: { xM: number; yM: number }, typeId: string) => {
    wallPoints.push({ location: { floorPlanId: levelId, coord: coord(levelId, from) }, id: `${id}~a`, ...created }, { location: { floorPlanId: levelId, coord: coord(levelId, to) }, id: `${id}~b`, ...created });
    wallSegments.push({ wallPoints: [`${id}~a`, `${id}~b`], wallTypeId: typeId, originType: 'WALL_TOOL', id, ...created });
  };
  const walls = new Map(document.walls.map((wall) => [wall.id, wall]));
  for (const wall of document.walls) segment(wall.id, wall.levelId, wall.from, wall.to, wallTypeId(materials.get(wall.materialId)!, wall.bottomM, wall.topM, null));
  for (const opening of document.openings) {
    const wall = walls.get(opening.wallId)!;
    const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM);
    const at = (distance: number) => ({ xM: wall.from.xM + ((wall.to.xM - wall.from.xM) * distance) / length, yM: wall.from.yM + ((wall.to.yM - wall.from.yM) * distance) / length });
    segment(opening.id, opening.levelId, at(opening.offsetM - opening.widthM / 2), at(opening.offsetM + opening.widthM / 2), wallTypeId(materials.get(opening.materialId)!, opening.bottomM, opening.topM, opening.kind));
  }
  table('wallTypes', [...wallTypes.values()]);
  table('wallPoints', wallPoints);
  table('wallSegments', wallSegments);

  table('attenuationAreaTypes', document.attenuationAreas.map((area) => ({ name: area.name, key: 'Ondeplan', color: '#B59B6B', propagationProperties: BANDS.map((band) => ({ band: BAND_ESX[band], attenuationFactor: area.lossDbPerM[band] })), id: `${area.id}~type`, ...created })));
  table('attenuationAreas', document.attenuationAreas.map((area) => ({ attenuationAreaTypeId: `${area.id}~type`, floorPlanId: area.levelId, area: polygon(area.levelId, area.polygon), id: area.id, ...created })));
  table('exclusionAreas', document.exclusionZones.map((zone) => ({ floorPlanId: zone.levelId, name: zone.name, area: polygon(zone.levelId, zone.polygon), id: zone.id, ...created })));
  const profiles = document.requirementProfiles.filter((profile) => document.coverageZones.some((zone) => zone.requirementProfileId === profile.id));
  table(
    'requirements',
    profiles.map((profile) => ({
      key: 'Ondeplan',
      name: profile.name,
      noiseType: 'AUTOMATIC',
      isDefault: false,
      criteria: BANDS.flatMap((band) => {
        const frequencyBand = BAND_ESX[band];
        const criterion = (type: string, value: number, extra: Record<string, unknown> = {}) => ({ radioTechnology: 'IEEE802_11', frequencyBand, type, function: type === 'CHANNEL_OVERLAP' ? 'AT_MOST' : 'AT_LEAST', value, ...extra });
        return [
          criterion('SIGNAL_STRENGTH', profile.minPrimaryRssiDbm),
          ...(profile.minSecondaryRssiDbm !== null ? [criterion('SECONDARY_SIGNAL_STRENGTH', profile.minSecondaryRssiDbm)] : []),
          criterion('SIGNAL_TO_NOISE_RATIO', profile.minSnrDb),
          ...(profile.minPhyRateMbps !== null ? [criterion('DATA_RATE', profile.minPhyRateMbps)] : []),
          ...(profile.maxCoChannelAps !== null ? [criterion('CHANNEL_OVERLAP', profile.maxCoChannelAps, { additionalLimit: profile.coChannelThresholdDbm })] : []),
        ];
      }),
      id: profile.id,
      ...created,
    })),
  );
  table('areas', document.coverageZones.map((zone) => ({ floorPlanId: zone.levelId, name: zone.name, color: '#2E8B57', requirementId: zone.requirementProfileId, capacityItems: [], area: polygon(zone.levelId, zone.polygon), id: zone.id, ...created })));
  lose('users', document.coverageZones.filter((zone) => zone.userCount > 0).length);

  // APs, their radios, and one antenna type per band (omnidirectional) or per model pattern (directional).
  const antennaTypes = new Map<string, unknown>();
  const antennaFor = (modelId: string, band: Band): string => {
    const model = models.get(modelId);
    const patternId = model?.bandPatternIds?.[band] ?? model?.antennaPatternId;
    const pattern = patternId ? document.antennaPatterns.find((candidate) => candidate.id === patternId) : undefined;
    const id = pattern ? `${pattern.id}~${band}` : `omni~${band}`;
    if (!antennaTypes.has(id)) {
      const step = pattern ? 360 / pattern.azimuthCutDb.length : 0;
      antennaTypes.set(id, {
        name: pattern ? pattern.name : t('exchange.esx.export.omni', { band: band.replace('.', ',') }),
        directional: !!pattern,
        defaultTiltAngle: 0,
        frequencyBand: BAND_ESX[band],
        apVendor: model?.vendor ?? '',
        apModel: model?.model ?? '',
        ...(pattern ? { hplane: { alignmentAngle: 0, gains: pattern.azimuthCutDb.map((gain, index) => ({ angle: index * step, gain })) } } : {}),
        id,
        ...created,
      });
    }
    return id;
  };
  const radios: unknown[] = [];
  table(
    'accessPoints',
    document.accessPoints.map((ap) => {
      const model = models.get(ap.modelId);
      ap.radios.forEach((radio, index) => {
        const block = anyChannelBlock(radio.band, radio.channel, radio.widthMHz)?.channels ?? [radio.channel];
        radios.push({
          accessPointId: ap.id,
          accessPointIndex: index,
          transmitPower: radio.txPowerDbm,
          // The primary channel first, then the rest of its block.
          channel: [radio.channel, ...block.filter((channel) => channel !== radio.channel)],
          antennaTypeId: antennaFor(ap.modelId, radio.band),
          antennaDirection: ap.azimuthDeg,
          antennaTilt: ap.tiltDeg,
          antennaHeight: ap.mountingHeightM,
          antennaMounting: 'CEILING',
          technology: 'AX',
          radioTechnology: 'IEEE802_11',
          spatialStreamCount: model?.spatialStreams ?? 2,
          shortGuardInterval: true,
          greenfield: false,
          enabled: radio.enabled,
          id: radio.id,
          ...created,
        });
      });
      return { location: { floorPlanId: ap.levelId, coord: coord(ap.levelId, ap.position) }, name: ap.name, mine: true, userDefinedPosition: true, hidden: false, noteIds: [], vendor: model?.vendor ?? '', model: model?.model ?? '', tags: [], id: ap.id, ...created };
    }),
  );
  table('simulatedRadios', radios);
  table('antennaTypes', [...antennaTypes.values()]);

  const noteId = `note-${document.id}`;
  table('notes', document.study.notes.trim() ? [{ text: document.study.notes, history: { createdAt: now.toISOString(), createdBy: ONDEPLAN_PRODUCT }, imageIds: [], id: noteId, ...created }] : []);
  files['project.json'] = strToU8(
    JSON.stringify({
      project: {
        schemaVersion: SCHEMA_VERSION,
        name: document.study.title,
        title: document.study.title,
        customer: document.study.site.entityName,
        location: document.study.site.address,
        responsiblePerson: document.study.author,
        noteIds: document.study.notes.trim() ? [noteId] : [],
        history: { createdAt: document.createdAt, createdBy: ONDEPLAN_PRODUCT, modifiedAt: document.updatedAt, modifiedBy: ONDEPLAN_PRODUCT },
        tags: [],
        id: document.id,
        ...created,
      },
    }),
  );
  table('projectHistorys', [{ productName: ONDEPLAN_PRODUCT, productVersion: '1', schemaVersion: SCHEMA_VERSION, operation: 'LOCAL_SAVE', platform: 'Web', timestamp: now.toISOString(), id: `historique-${document.id}`, ...created }]);

  lose('mountingAreas', document.mountingAreas.length);
  lose('slabOpenings', document.slabOpenings.length);
  lose('sources', document.interferenceSources.length);
  lose('surveys', document.surveys.length);
  lose('ssids', document.accessPoints.some((ap) => ap.radios.some((radio) => radio.ssidIds.join() !== document.ssids.map((ssid) => ssid.id).join())) ? 1 : 0);
  losses.add(t('exchange.esx.export.alwaysLost'));
  return { bytes: zipSync(files, { level: 6, mtime: now }), losses: [...losses] };
}

function perMetre(lossDb: Record<Band, number>, thicknessM: number) {
  return BANDS.map((band) => ({ band: BAND_ESX[band], attenuationFactor: lossDb[band] / thicknessM }));
}

function lossText(key: 'rotation' | 'scale' | 'imageFormat' | 'noPlan' | 'elevation' | 'users' | 'mountingAreas' | 'slabOpenings' | 'sources' | 'surveys' | 'ssids', count: number): string {
  return t(`exchange.esx.export.lost.${key}`, { count });
}
