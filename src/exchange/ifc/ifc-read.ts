/**
 * An IFC file read with web-ifc into a plain digest (docs/exchange.md, IFC): storeys, and for each wall, curtain
 * wall, door, window, slab, opening and space its name, storey, IFC material names and triangulated geometry in
 * metres with IFC's axes (x east, y north, z up). Everything after this step is pure and testable without web-ifc.
 * Runs in the package worker (the WebAssembly module is a few megabytes and only loaded for an IFC file).
 */
import * as WebIfc from 'web-ifc';
import { ProjectLoadError } from '../../model/project-load-error.ts';
import { t } from '../../i18n/index.ts';

export type IfcElementKind = 'wall' | 'curtain-wall' | 'door' | 'window' | 'slab' | 'opening' | 'space';

export interface IfcElement {
  expressId: number;
  kind: IfcElementKind;
  ifcType: string;
  name: string;
  /** IfcSpace.LongName, IfcSlab.PredefinedType… */
  longName: string;
  predefinedType: string;
  /** Storey express id; null when the element is not in a storey (then placed by height). */
  storeyId: number | null;
  /** IFC material names, in layer order, from the element or else its type. */
  materials: string[];
  /** x, y, z in metres (IFC axes), three per vertex. */
  positions: Float64Array;
  /** Triangles, three vertex indices each. */
  indices: Uint32Array;
  /** Openings: the element they void. Doors and windows: the opening they fill. */
  hostId: number | null;
  /** The placement's x axis in plan (x east, y south), unit length; null without geometry. Walls run along it. */
  axis: { x: number; y: number } | null;
}

export interface IfcDigest {
  schema: string;
  /** The authoring tool, from the file header (FILE_NAME's originating system) or its owner history. */
  application: string;
  projectName: string;
  storeys: { expressId: number; name: string; elevationM: number }[];
  elements: IfcElement[];
  /** Building elements Ondeplan does not map (columns, stairs, furniture…), counted by IFC type. */
  unmapped: { ifcType: string; count: number }[];
}

const KINDS: [number, IfcElementKind][] = [
  [WebIfc.IFCWALL, 'wall'],
  [WebIfc.IFCWALLSTANDARDCASE, 'wall'],
  [WebIfc.IFCWALLELEMENTEDCASE, 'wall'],
  [WebIfc.IFCCURTAINWALL, 'curtain-wall'],
  [WebIfc.IFCDOOR, 'door'],
  [WebIfc.IFCDOORSTANDARDCASE, 'door'],
  [WebIfc.IFCWINDOW, 'window'],
  [WebIfc.IFCWINDOWSTANDARDCASE, 'window'],
  [WebIfc.IFCSLAB, 'slab'],
  [WebIfc.IFCSLABSTANDARDCASE, 'slab'],
  [WebIfc.IFCSLABELEMENTEDCASE, 'slab'],
  [WebIfc.IFCOPENINGELEMENT, 'opening'],
  [WebIfc.IFCOPENINGSTANDARDCASE, 'opening'],
  [WebIfc.IFCSPACE, 'space'],
];
/** Spatial structure and annotations: not building elements to count as left out. */
const NOT_ELEMENTS = new Set<number>([WebIfc.IFCPROJECT, WebIfc.IFCSITE, WebIfc.IFCBUILDING, WebIfc.IFCBUILDINGSTOREY, WebIfc.IFCSPATIALZONE, WebIfc.IFCEXTERNALSPATIALELEMENT, WebIfc.IFCANNOTATION, WebIfc.IFCGRID, WebIfc.IFCVIRTUALELEMENT]);
/** Parts of a curtain wall (panels, mullions): their geometry is the curtain wall's when it has none of its own. */
const CURTAIN_PARTS = new Set<number>([WebIfc.IFCPLATE, WebIfc.IFCMEMBER]);

export type IfcInit = (api: WebIfc.IfcAPI) => Promise<void>;

type Line = Record<string, unknown> & { type: number; expressID: number };
type Handle = { value: number };

const valueOf = (attribute: unknown): string => {
  const value = (attribute as { value?: unknown } | null | undefined)?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};
const handles = (attribute: unknown): number[] => (Array.isArray(attribute) ? attribute : attribute ? [attribute] : []).map((item) => (item as Handle).value).filter((id) => typeof id === 'number');

export async function readIfc(bytes: Uint8Array, init: IfcInit = (api) => api.Init()): Promise<IfcDigest> {
  if (!looksLikeStep(bytes)) throw new ProjectLoadError('not-ifc');
  const api = new WebIfc.IfcAPI();
  await init(api);
  api.SetLogLevel(WebIfc.LogLevel.LOG_LEVEL_OFF);
  let model: number;
  try {
    model = api.OpenModel(bytes, { COORDINATE_TO_ORIGIN: false });
  } catch {
    model = -1;
  }
  if (model < 0 || !api.IsModelOpen(model)) throw new ProjectLoadError('ifc-unusable', [t('exchange.ifc.unreadable')]);
  try {
    return digest(api, model, bytes);
  } finally {
    api.CloseModel(model);
  }
}

function looksLikeStep(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64)).trimStart();
  return head.startsWith('ISO-10303-21');
}

function digest(api: WebIfc.IfcAPI, model: number, bytes: Uint8Array): IfcDigest {
  const line = (id: number, flatten = false) => api.GetLine(model, id, flatten) as Line;
  const ids = (type: number) => [...api.GetLineIDsWithType(model, type)];

  const storeyOf = new Map<number, number>();
  const scale = lengthUnitM(api, model);
  const storeys = ids(WebIfc.IFCBUILDINGSTOREY).map((id) => {
    const storey = line(id);
    const placement = (storey.ObjectPlacement as Handle | null)?.value;
    const matrix = placement ? api.GetWorldTransformMatrix(model, placement) : null;
    // The placement is where the storey really is; the Elevation attribute is a label some tools leave at 0.
    const elevationM = matrix ? matrix[14]! * scale : Number(valueOf(storey.Elevation) || 0) * scale;
    return { expressId: id, name: valueOf(storey.Name) || valueOf(storey.LongName) || t('exchange.ifc.storeyName', { index: 0 }), elevationM };
  });
  const storeyIds = new Set(storeys.map((storey) => storey.expressId));
  for (const id of ids(WebIfc.IFCRELCONTAINEDINSPATIALSTRUCTURE)) {
    const relation = line(id);
    const structure = (relation.RelatingStructure as Handle).value;
    if (storeyIds.has(structure)) for (const element of handles(relation.RelatedElements)) storeyOf.set(element, structure);
  }
  const partsOf = new Map<number, number[]>();
  for (const id of ids(WebIfc.IFCRELAGGREGATES)) {
    const relation = line(id);
    const whole = (relation.RelatingObject as Handle).value;
    const parts = handles(relation.RelatedObjects);
    if (storeyIds.has(whole)) for (const part of parts) storeyOf.set(part, whole);
    else partsOf.set(whole, [...(partsOf.get(whole) ?? []), ...parts]);
  }
  const hostOf = new Map<number, number>();
  for (const id of ids(WebIfc.IFCRELVOIDSELEMENT)) {
    const relation = line(id);
    hostOf.set((relation.RelatedOpeningElement as Handle).value, (relation.RelatingBuildingElement as Handle).value);
  }
  for (const id of ids(WebIfc.IFCRELFILLSELEMENT)) {
    const relation = line(id);
    hostOf.set((relation.RelatedBuildingElement as Handle).value, (relation.RelatingOpeningElement as Handle).value);
  }
  const materialsOf = new Map<number, string[]>();
  for (const id of ids(WebIfc.IFCRELASSOCIATESMATERIAL)) {
    const relation = line(id);
    const names = materialNames(line((relation.RelatingMaterial as Handle).value, true));
    for (const element of handles(relation.RelatedObjects)) materialsOf.set(element, names);
  }
  const typeOf = new Map<number, number>();
  for (const id of ids(WebIfc.IFCRELDEFINESBYTYPE)) {
    const relation = line(id);
    for (const element of handles(relation.RelatedObjects)) typeOf.set(element, (relation.RelatingType as Handle).value);
  }

  const kindOfType = new Map(KINDS);
  const elements = new Map<number, IfcElement>();
  for (const [type, kind] of KINDS) {
    for (const id of ids(type)) {
      const entity = line(id);
      const typeId = typeOf.get(id);
      elements.set(id, {
        expressId: id,
        kind,
        ifcType: api.GetNameFromTypeCode(type),
        name: valueOf(entity.Name),
        longName: valueOf(entity.LongName),
        predefinedType: valueOf(entity.PredefinedType),
        storeyId: storeyOf.get(id) ?? null,
        materials: materialsOf.get(id) ?? (typeId !== undefined ? materialsOf.get(typeId) : undefined) ?? [],
        positions: new Float64Array(0),
        indices: new Uint32Array(0),
        hostId: hostOf.get(id) ?? null,
        axis: null,
      });
    }
  }
  const partOwner = new Map<number, number>();
  for (const [whole, parts] of partsOf) if (elements.get(whole)?.kind === 'curtain-wall') for (const part of parts) partOwner.set(part, whole);

  const meshes = new Map<number, { positions: number[]; indices: number[]; axis: { x: number; y: number } | null }>();
  const streamed = [...kindOfType.keys(), ...CURTAIN_PARTS];
  api.StreamAllMeshesWithTypes(model, streamed, (mesh) => {
    const owner = elements.has(mesh.expressID) ? mesh.expressID : partOwner.get(mesh.expressID);
    if (owner === undefined) return;
    const target = meshes.get(owner) ?? { positions: [], indices: [], axis: null };
    meshes.set(owner, target);
    for (let g = 0; g < mesh.geometries.size(); g++) {
      const placed = mesh.geometries.get(g);
      const geometry = api.GetGeometry(model, placed.geometryExpressID);
      const vertices = api.GetVertexArray(geometry.GetVertexData(), geometry.GetVertexDataSize());
      const triangles = api.GetIndexArray(geometry.GetIndexData(), geometry.GetIndexDataSize());
      const m = placed.flatTransformation;
      // Column 0 is the local x axis; web-ifc's z is IFC's −y, so plan (x east, y south) is (m0, m2).
      const axisLength = Math.hypot(m[0]!, m[2]!);
      if (!target.axis && axisLength > 1e-9) target.axis = { x: m[0]! / axisLength, y: m[2]! / axisLength };
      const base = target.positions.length / 3;
      // web-ifc gives y up (three.js convention) in metres: back to IFC's z up (x east, y north).
      for (let k = 0; k < vertices.length; k += 6) {
        const x = vertices[k]!;
        const y = vertices[k + 1]!;
        const z = vertices[k + 2]!;
        const wx = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
        const wy = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
        const wz = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
        target.positions.push(wx, -wz, wy);
      }
      for (const index of triangles) target.indices.push(base + index);
      geometry.delete();
    }
  });
  for (const [id, mesh] of meshes) {
    const element = elements.get(id)!;
    element.positions = Float64Array.from(mesh.positions);
    element.indices = Uint32Array.from(mesh.indices);
    element.axis = mesh.axis;
  }
  // Curtain-wall panels carry the curtain wall's storey when they are the ones contained.
  for (const [part, whole] of partOwner) {
    const element = elements.get(whole)!;
    if (element.storeyId === null) element.storeyId = storeyOf.get(part) ?? null;
  }

  const mapped = new Set<number>([...kindOfType.keys(), ...CURTAIN_PARTS]);
  const unmapped: IfcDigest['unmapped'] = [];
  for (const type of api.GetAllTypesOfModel(model)) {
    if (mapped.has(type.typeID) || NOT_ELEMENTS.has(type.typeID) || !api.IsIfcElement(type.typeID)) continue;
    const count = api.GetLineIDsWithType(model, type.typeID).size();
    if (count > 0) unmapped.push({ ifcType: api.GetNameFromTypeCode(type.typeID), count });
  }
  const partsCounted = [...partOwner.keys()].length;
  const looseParts = [...CURTAIN_PARTS].reduce((sum, type) => sum + api.GetLineIDsWithType(model, type).size(), 0) - partsCounted;
  if (looseParts > 0) unmapped.push({ ifcType: 'IfcPlate / IfcMember', count: looseParts });

  const project = ids(WebIfc.IFCPROJECT)[0];
  return {
    schema: api.GetModelSchema(model),
    application: applicationOf(bytes) || ownerApplication(api, model),
    projectName: project !== undefined ? valueOf(line(project).LongName) || valueOf(line(project).Name) : '',
    storeys,
    elements: [...elements.values()],
    unmapped: unmapped.sort((a, b) => b.count - a.count || a.ifcType.localeCompare(b.ifcType)),
  };
}

/** Metres per model length unit, from IfcUnitAssignment (SI prefixes, or a conversion-based unit such as the foot). */
function lengthUnitM(api: WebIfc.IfcAPI, model: number): number {
  const prefixes: Record<string, number> = { EXA: 1e18, PETA: 1e15, TERA: 1e12, GIGA: 1e9, MEGA: 1e6, KILO: 1e3, HECTO: 100, DECA: 10, DECI: 0.1, CENTI: 0.01, MILLI: 1e-3, MICRO: 1e-6, NANO: 1e-9 };
  for (const id of api.GetLineIDsWithType(model, WebIfc.IFCUNITASSIGNMENT)) {
    const assignment = api.GetLine(model, id, true) as { Units: Line[] };
    for (const unit of assignment.Units ?? []) {
      if (valueOf(unit.UnitType) !== 'LENGTHUNIT') continue;
      if (unit.type === WebIfc.IFCSIUNIT) return prefixes[valueOf(unit.Prefix)] ?? 1;
      const factor = unit.ConversionFactor as { ValueComponent?: { value: number }; UnitComponent?: Line } | undefined;
      if (factor?.ValueComponent) return factor.ValueComponent.value * (factor.UnitComponent ? prefixes[valueOf(factor.UnitComponent.Prefix)] ?? 1 : 1);
    }
  }
  return 1;
}

/** Every IfcMaterial name under a material association (layer sets and their usages, lists, constituents, profiles). */
function materialNames(root: unknown): string[] {
  const names: string[] = [];
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 6) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const entity = node as Line;
    if (entity.type === WebIfc.IFCMATERIAL) {
      const name = valueOf(entity.Name).trim();
      if (name && !names.includes(name)) names.push(name);
      return;
    }
    for (const [key, value] of Object.entries(entity)) if (key !== 'type' && key !== 'expressID' && typeof value === 'object') visit(value, depth + 1);
  };
  visit(root, 0);
  return names;
}

function applicationOf(bytes: Uint8Array): string {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const fileName = /FILE_NAME\s*\(([\s\S]*?)\);/.exec(header)?.[1];
  if (!fileName) return '';
  const strings = [...fileName.matchAll(/'((?:[^']|'')*)'/g)].map((match) => decodeStepString(match[1]!));
  // FILE_NAME(name, time stamp, (authors), (organisations), preprocessor, originating system, authorisation).
  return strings.at(-2) || strings.at(-3) || '';
}

function ownerApplication(api: WebIfc.IfcAPI, model: number): string {
  const id = [...api.GetLineIDsWithType(model, WebIfc.IFCAPPLICATION)][0];
  if (id === undefined) return '';
  const application = api.GetLine(model, id) as Line;
  return [valueOf(application.ApplicationFullName), valueOf(application.Version)].filter(Boolean).join(' ');
}

/** ISO 10303-21 string escapes: \X2\hhhh…\X0\ (UTF-16), \X\hh (Latin-1), '' (quote). */
export function decodeStepString(text: string): string {
  return text
    .replace(/\\X2\\((?:[0-9A-F]{4})+)\\X0\\/gi, (_match, hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((code) => parseInt(code, 16))))
    .replace(/\\X\\([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/''/g, "'");
}
