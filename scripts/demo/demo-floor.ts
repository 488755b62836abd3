/**
 * The demo study's floor: first floor of a fictitious courthouse (civil division offices), 40 m × 20 m,
 * drawn by this file and by nothing else. Both the plan image (SVG) and the project geometry come from
 * these definitions, so the walls drawn in the project sit exactly on the plan.
 */
import { createProject } from '../../src/model/create-project.ts';
import type { AccessPoint, Opening, PointM, ProjectDocument, Wall } from '../../src/model/schema.ts';

export const PLAN_PX_PER_M = 50;
export const MARGIN_M = 1;
export const BUILDING_W_M = 40;
export const BUILDING_H_M = 20;
export const PLAN_W_PX = (BUILDING_W_M + 2 * MARGIN_M) * PLAN_PX_PER_M;
export const PLAN_H_PX = (BUILDING_H_M + 2 * MARGIN_M) * PLAN_PX_PER_M;

export interface WallSpec {
  from: [number, number];
  to: [number, number];
  material: string;
  door?: { offsetM: number; widthM: number; material: string };
}

interface RoomLabel {
  name: string;
  at: [number, number];
}

const CORRIDOR_NORTH_Y = 8;
const CORRIDOR_SOUTH_Y = 11;

/** Building-frame coordinates (m), origin at the building's north-west corner. */
export function floorWalls(): WallSpec[] {
  const walls: WallSpec[] = [];
  // Façades: concrete with glazed bays on the north and south sides.
  for (const y of [0, BUILDING_H_M]) {
    for (let x = 0; x < BUILDING_W_M; x += 4) {
      walls.push({ from: [x, y], to: [x + 1, y], material: 'mat-beton' });
      walls.push({ from: [x + 1, y], to: [x + 3, y], material: 'mat-vitrage' });
      walls.push({ from: [x + 3, y], to: [x + 4, y], material: 'mat-beton' });
    }
  }
  walls.push({ from: [0, 0], to: [0, BUILDING_H_M], material: 'mat-beton' });
  walls.push({ from: [BUILDING_W_M, 0], to: [BUILDING_W_M, BUILDING_H_M], material: 'mat-beton' });

  // North side: hearing room (0–12 m), then 4 m offices up to the east end.
  const northRooms = [0, 12, 16, 20, 24, 28, 32, 36, 40];
  for (let index = 0; index < northRooms.length - 1; index++) {
    const x0 = northRooms[index]!;
    const x1 = northRooms[index + 1]!;
    const hearing = x0 === 0;
    walls.push({
      from: [x0, CORRIDOR_NORTH_Y],
      to: [x1, CORRIDOR_NORTH_Y],
      material: hearing ? 'mat-brique' : 'mat-placo',
      door: { offsetM: hearing ? 6 : 1, widthM: hearing ? 1.8 : 0.9, material: hearing ? 'mat-porte-bois' : 'mat-porte-bois' },
    });
    if (index > 0) walls.push({ from: [x0, 0], to: [x0, CORRIDOR_NORTH_Y], material: x0 === 12 ? 'mat-brique' : 'mat-placo' });
  }

  // South side: 5 m offices, the break room, archives, then the stair and lift core (35–40 m).
  const southRooms = [0, 5, 10, 15, 20, 25, 30, 35];
  for (let index = 0; index < southRooms.length - 1; index++) {
    const x0 = southRooms[index]!;
    const x1 = southRooms[index + 1]!;
    walls.push({
      from: [x0, CORRIDOR_SOUTH_Y],
      to: [x1, CORRIDOR_SOUTH_Y],
      material: 'mat-placo',
      door: { offsetM: 1.2, widthM: 0.9, material: 'mat-porte-bois' },
    });
    if (index > 0) walls.push({ from: [x0, CORRIDOR_SOUTH_Y], to: [x0, BUILDING_H_M], material: 'mat-placo' });
  }
  walls.push({ from: [35, CORRIDOR_SOUTH_Y], to: [40, CORRIDOR_SOUTH_Y], material: 'mat-beton', door: { offsetM: 2.5, widthM: 1.2, material: 'mat-porte-cf' } });
  walls.push({ from: [35, CORRIDOR_SOUTH_Y], to: [35, BUILDING_H_M], material: 'mat-beton' });
  // Lift shaft inside the core.
  walls.push({ from: [37.5, 17.5], to: [40, 17.5], material: 'mat-ascenseur' });
  walls.push({ from: [37.5, 17.5], to: [37.5, BUILDING_H_M], material: 'mat-ascenseur' });
  return walls;
}

export const ROOM_LABELS: RoomLabel[] = [
  { name: "Salle d'audience civile", at: [6, 4] },
  ...[12, 16, 20, 24, 28, 32, 36].map((x, index) => ({ name: `Bureau N${index + 1}`, at: [x + 2, 4] as [number, number] })),
  { name: 'Greffe', at: [2.5, 15.5] },
  ...[5, 10, 15].map((x, index) => ({ name: `Bureau S${index + 1}`, at: [x + 2.5, 15.5] as [number, number] })),
  { name: 'Salle de pause', at: [22.5, 15.5] },
  { name: 'Archives', at: [27.5, 15.5] },
  { name: 'Bureau S4', at: [32.5, 15.5] },
  { name: 'Escalier', at: [36.5, 14.5] },
  { name: 'Ascenseur', at: [38.75, 18.75] },
  { name: 'Circulation', at: [20, 9.5] },
];

export const toLevel = ([x, y]: [number, number]): PointM => ({ xM: x + MARGIN_M, yM: y + MARGIN_M });
const px = (metres: number) => Math.round(metres * PLAN_PX_PER_M * 100) / 100;

/** The plan as an architect's SVG: thick walls, door gaps with swing arcs, room names, scale bar, title block. */
export function demoPlanSvg(caption = 'Tribunal judiciaire (fictif) — 1er étage, pôle civil — plan de démonstration Ondeplan'): string {
  const lines: string[] = [];
  lines.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${PLAN_W_PX}" height="${PLAN_H_PX}" viewBox="0 0 ${PLAN_W_PX} ${PLAN_H_PX}">`);
  lines.push(`<rect width="${PLAN_W_PX}" height="${PLAN_H_PX}" fill="#ffffff"/>`);
  lines.push('<g stroke="#1a1a1a" stroke-linecap="square" fill="none">');
  for (const wall of floorWalls()) {
    const width = wall.material === 'mat-beton' || wall.material === 'mat-ascenseur' ? 0.25 : wall.material === 'mat-vitrage' ? 0.08 : 0.12;
    const a = toLevel(wall.from);
    const b = toLevel(wall.to);
    const segments: [PointM, PointM][] = [];
    if (wall.door) {
      const length = Math.hypot(b.xM - a.xM, b.yM - a.yM);
      const ux = (b.xM - a.xM) / length;
      const uy = (b.yM - a.yM) / length;
      const start = wall.door.offsetM - wall.door.widthM / 2;
      const end = wall.door.offsetM + wall.door.widthM / 2;
      segments.push([a, { xM: a.xM + ux * start, yM: a.yM + uy * start }]);
      segments.push([{ xM: a.xM + ux * end, yM: a.yM + uy * end }, b]);
      const hinge = { xM: a.xM + ux * start, yM: a.yM + uy * start };
      const r = px(wall.door.widthM);
      lines.push(`<path d="M ${px(hinge.xM) + r} ${px(hinge.yM)} A ${r} ${r} 0 0 1 ${px(hinge.xM)} ${px(hinge.yM) + r}" stroke="#777" stroke-width="2"/>`);
    } else {
      segments.push([a, b]);
    }
    const colour = wall.material === 'mat-vitrage' ? '#3b8fc2' : '#1a1a1a';
    for (const [from, to] of segments) {
      lines.push(`<line x1="${px(from.xM)}" y1="${px(from.yM)}" x2="${px(to.xM)}" y2="${px(to.yM)}" stroke="${colour}" stroke-width="${px(width)}"/>`);
    }
  }
  lines.push('</g>');
  lines.push('<g font-family="DejaVu Sans, Arial, sans-serif" font-size="22" fill="#333" text-anchor="middle">');
  for (const label of ROOM_LABELS) {
    const at = toLevel(label.at);
    lines.push(`<text x="${px(at.xM)}" y="${px(at.yM)}">${label.name.replace(/'/g, '&#39;')}</text>`);
  }
  lines.push('</g>');
  // Scale bar: 5 m.
  const barX = px(MARGIN_M);
  const barY = PLAN_H_PX - 14;
  lines.push(`<g><rect x="${barX}" y="${barY - 8}" width="${px(5)}" height="8" fill="#1a1a1a"/><text x="${barX + px(5) + 10}" y="${barY}" font-family="DejaVu Sans, Arial, sans-serif" font-size="18">5 m</text></g>`);
  lines.push(`<text x="${PLAN_W_PX - px(MARGIN_M)}" y="${PLAN_H_PX - 14}" text-anchor="end" font-family="DejaVu Sans, Arial, sans-serif" font-size="18" fill="#333">${caption}</text>`);
  lines.push('</svg>');
  return lines.join('\n') + '\n';
}

function rectangle(x0: number, y0: number, x1: number, y1: number): PointM[] {
  return [toLevel([x0, y0]), toLevel([x1, y0]), toLevel([x1, y1]), toLevel([x0, y1])];
}

/** The demo study document; the plan asset's hash is passed in by the caller. */
export function demoProject(planSha256: string, planByteLength: number): ProjectDocument {
  const id = 'demo-palais-de-justice';
  const document = createProject({ title: 'Tribunal judiciaire — pôle civil (démonstration)', id, now: new Date('2026-11-02T09:00:00.000Z') });
  const levelId = `${id}-niveau-1`;
  const buildingId = document.buildings[0]!.id;
  document.study = {
    kind: 'etude-sur-plan',
    title: 'Tribunal judiciaire — pôle civil (démonstration)',
    site: { entityKind: 'juridiction', entityName: 'Tribunal judiciaire de Villeneuve (fictif)', address: '1 place de la Justice, 00000 Villeneuve', dit: 'DIT de démonstration' },
    author: 'Équipe Ondeplan',
    startDate: '2026-11-02',
    endDate: null,
    quoteReference: 'DEV-DEMO-001',
    orderReference: '',
    notes: "Étude fictive fournie avec Ondeplan pour découvrir l’outil. Le plan est dessiné par scripts/demo/demo-floor.ts.",
    delivery: {
      contractor: 'Titulaire du marché (fictif)',
      contractNumber: 'MJ-DNUM-2026-TIC-01 (fictif)',
      complexity: 'moyenne',
      restricted: false,
      participants: [
        { name: 'Claire Martin', organisation: 'DIT de démonstration', role: 'Correspondante informatique du site' },
        { name: 'Julien Bernard', organisation: 'Titulaire (fictif)', role: 'Ingénieur radio, auteur de l’étude' },
      ],
      inputs: [
        { item: 'plans', status: 'recu', note: 'Plan SVG du 1er étage' },
        { item: 'classification', status: 'sans-objet', note: '' },
        { item: 'zones', status: 'recu', note: '' },
        { item: 'utilisateurs', status: 'recu', note: '' },
        { item: 'debit', status: 'recu', note: '' },
        { item: 'bandes', status: 'recu', note: '2,4 et 5 GHz' },
        { item: 'ssid', status: 'recu', note: 'JUSTICE' },
        { item: 'modele-borne', status: 'manquant', note: 'Modèle générique retenu en attendant' },
        { item: 'complexite', status: 'recu', note: 'Moyenne' },
      ],
      revisions: [{ version: '1.0', date: '2026-11-02', author: 'Julien Bernard', changes: 'Première diffusion' }],
      activities: [
        { date: '2026-11-02', who: 'Julien Bernard', what: 'Intégration du plan, saisie des murs et des zones, calage de l’échelle' },
        { date: '2026-11-02', who: 'Julien Bernard', what: 'Implantation de cinq bornes et prévision sur les deux bandes' },
      ],
      reservations: 'Modèle de borne non fourni : la liste de matériel porte un modèle générique.',
      technicalRoom: { levelId: `${id}-niveau-1`, position: toLevel([36.5, 12.5]) },
      spareShare: 0.1,
    },
  };
  document.buildings = [{ id: buildingId, name: 'Palais de justice' }];
  document.assets = [{ sha256: planSha256, name: 'tribunal-niveau-1.svg', mimeType: 'image/svg+xml', byteLength: planByteLength }];
  document.levels = [
    {
      id: levelId,
      buildingId,
      name: '1er étage — pôle civil',
      elevationM: 4,
      floorToFloorHeightM: 3.5,
      slabMaterialId: 'mat-dalle',
      plan: { format: 'svg', assetSha256: planSha256, sourceSha256: null, vectorsSha256: null, vectorLayers: [], page: 1, widthUnits: PLAN_W_PX, heightUnits: PLAN_H_PX, crop: null, rotationDeg: 0 },
      metersPerUnit: 1 / PLAN_PX_PER_M,
      alignment: null,
    },
  ];

  const walls: Wall[] = [];
  const openings: Opening[] = [];
  floorWalls().forEach((spec, index) => {
    const wallId = `${id}-mur-${String(index + 1).padStart(3, '0')}`;
    walls.push({ id: wallId, levelId, from: toLevel(spec.from), to: toLevel(spec.to), materialId: spec.material, bottomM: null, topM: null });
    if (spec.door) {
      openings.push({ id: `${wallId}-porte`, levelId, wallId, kind: 'porte', offsetM: spec.door.offsetM, widthM: spec.door.widthM, materialId: spec.door.material, bottomM: 0, topM: 2.1 });
    }
  });
  document.walls = walls;
  document.openings = openings;

  document.attenuationAreas = [
    { id: `${id}-rayonnages`, levelId, name: 'Rayonnages des archives', polygon: rectangle(25.5, 12, 29.5, 19.5), lossDbPerM: { '2.4': 1.5, '5': 2.5, '6': 3 } },
  ];
  document.coverageZones = [
    { id: `${id}-zone-audience`, levelId, name: "Salle d'audience", polygon: rectangle(0, 0, 12, 8), requirementProfileId: 'profil-haute-densite', userCount: 60, userProfile: 'Public et professionnels', throughputPerUserMbps: 2 },
    { id: `${id}-zone-bureaux-nord`, levelId, name: 'Bureaux nord', polygon: rectangle(12, 0, 40, 8), requirementProfileId: 'profil-donnees', userCount: 14, userProfile: 'Magistrats et greffiers', throughputPerUserMbps: 5 },
    { id: `${id}-zone-circulation`, levelId, name: 'Circulation', polygon: rectangle(0, 8, 40, 11), requirementProfileId: 'profil-voix', userCount: 6, userProfile: 'Téléphonie Wi-Fi', throughputPerUserMbps: 0.2 },
    { id: `${id}-zone-bureaux-sud`, levelId, name: 'Greffe et bureaux sud', polygon: rectangle(0, 11, 35, 20), requirementProfileId: 'profil-donnees', userCount: 22, userProfile: 'Greffiers', throughputPerUserMbps: 5 },
  ];
  document.exclusionZones = [{ id: `${id}-exclusion-noyau`, levelId, name: 'Escalier et ascenseur', polygon: rectangle(35, 11, 40, 20), reason: 'Cage d’escalier et ascenseur : pas de borne, couverture non requise' }];

  const channels24 = [1, 6, 11, 1, 6];
  const channels5 = [36, 52, 100, 116, 132];
  const positions: [number, number][] = [[6, 4], [16, 9.5], [24, 9.5], [32, 9.5], [12.5, 15.5]];
  document.accessPoints = positions.map(([x, y], index) =>
    ceilingAp({ id: `${id}-borne-${index + 1}`, name: `AP-N1-${String(index + 1).padStart(2, '0')}`, levelId, modelId: 'ap-wifi6-2x2', position: toLevel([x, y]), channel24: channels24[index]!, channel5: channels5[index]!, width5: 40, ssidIds: ['ssid-justice'] }),
  );
  document.interferenceSources = [
    { id: `${id}-micro-ondes`, levelId, name: 'Four à micro-ondes (salle de pause)', kind: 'micro-ondes', position: toLevel([23.5, 19]), band: '2.4', centerFrequencyMHz: 2450, bandwidthMHz: 20, powerDbm: 20, dutyCycle: 0.1 },
  ];
  return document;
}

/** A dual-band AP on the ceiling (2.8 m) as the generated studies place them: 14 dBm at 2.4 GHz, 17 dBm at 5 GHz. */
export function ceilingAp(spec: { id: string; name: string; levelId: string; modelId: string; position: PointM; channel24: number; channel5: number; width5: 20 | 40; ssidIds: string[] }): AccessPoint {
  return {
    id: spec.id,
    name: spec.name,
    levelId: spec.levelId,
    modelId: spec.modelId,
    position: spec.position,
    mountingHeightM: 2.8,
    azimuthDeg: 0,
    tiltDeg: 0,
    locked: false,
    bssidPrefix: '',
    radios: [
      { id: `${spec.id}-24`, band: '2.4', channel: spec.channel24, widthMHz: 20, txPowerDbm: 14, enabled: true, ssidIds: [...spec.ssidIds] },
      { id: `${spec.id}-5`, band: '5', channel: spec.channel5, widthMHz: spec.width5, txPowerDbm: 17, enabled: true, ssidIds: [...spec.ssidIds] },
    ],
  };
}
