/**
 * A parsed DXF (dxf-parser's output) flattened to straight segments per layer, in drawing units with y up as in
 * the file. Pure. LINE, LWPOLYLINE/POLYLINE (bulges become arcs), ARC and CIRCLE (split into short chords) and
 * INSERT (block references with position, scale — mirrored included —, rotation in degrees, MINSERT rows and
 * columns, nested blocks) are read; DIMENSION, TEXT, MTEXT, HATCH, SPLINE, SOLID and the rest are counted as
 * left out. Entities of a block on layer "0" take the layer of their INSERT, as in CAD programs.
 */
import { t } from '../../../i18n/index.ts';
import { compose, IDENTITY, type Affine } from '../affine.ts';

export interface DxfPoint {
  x: number;
  y: number;
  bulge?: number;
}

export interface DxfEntity {
  type: string;
  layer?: string;
  inPaperSpace?: boolean;
  vertices?: DxfPoint[];
  shape?: boolean;
  center?: DxfPoint;
  radius?: number;
  startAngle?: number;
  endAngle?: number;
  name?: string;
  position?: DxfPoint;
  xScale?: number;
  yScale?: number;
  rotation?: number;
  columnCount?: number;
  rowCount?: number;
  columnSpacing?: number;
  rowSpacing?: number;
}

export interface DxfDocument {
  header?: Record<string, unknown>;
  entities?: DxfEntity[];
  blocks?: Record<string, { name?: string; position?: DxfPoint; entities?: DxfEntity[] }>;
  tables?: { layer?: { layers?: Record<string, { name: string; visible?: boolean; frozen?: boolean }> } };
}

export interface FlatDxf {
  /** Per layer, x0, y0, x1, y1, … in drawing units (y up). */
  layers: Map<string, number[]>;
  /** Layers the file marks hidden or frozen. */
  hiddenLayers: Set<string>;
  /** Entity types not drawn, with their counts. */
  leftOut: Map<string, number>;
  segmentCount: number;
  /** `$INSUNITS` (0 = unitless). */
  insUnits: number;
}


/** T(position) · R(rotation) · S(xScale, yScale) · T(−base): where a block's own coordinates land. */
export function insertTransform(position: DxfPoint, rotationDeg: number, xScale: number, yScale: number, base: DxfPoint): Affine {
  const r = (rotationDeg * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  const rs: Affine = [cos * xScale, sin * xScale, -sin * yScale, cos * yScale, position.x, position.y];
  return compose(rs, [1, 0, 0, 1, -base.x, -base.y]);
}

const MAX_DEPTH = 16;
/** Chord count of a full circle; arcs use their share of it, at least 2. */
const CIRCLE_CHORDS = 48;

export interface FlattenOptions {
  maxSegments?: number;
  shouldStop?: () => boolean;
}

const MAX_DRAWING_COORDINATE = 1e9;
/** Names under which left-out lines are counted, shown to the user with the entity types not taken. */
const ABERRANT = t('errors.plan.dxf.aberrant');
const OVER_LIMIT = t('errors.plan.dxf.overLimit');

export function flattenDxf(dxf: DxfDocument, options: FlattenOptions = {}): FlatDxf {
  const maxSegments = options.maxSegments ?? 3_000_000;
  const layers = new Map<string, number[]>();
  const leftOut = new Map<string, number>();
  let segmentCount = 0;
  const push = (layer: string, m: Affine, x0: number, y0: number, x1: number, y1: number) => {
    if (segmentCount >= maxSegments) {
      leftOut.set(OVER_LIMIT, (leftOut.get(OVER_LIMIT) ?? 0) + 1);
      return;
    }
    const line = [m[0] * x0 + m[2] * y0 + m[4], m[1] * x0 + m[3] * y0 + m[5], m[0] * x1 + m[2] * y1 + m[4], m[1] * x1 + m[3] * y1 + m[5]];
    // A coordinate beyond a billion drawing units (1,000 km in millimetres) is a drawing error, not a building.
    if (line.some((value) => !Number.isFinite(value) || Math.abs(value) > MAX_DRAWING_COORDINATE)) {
      leftOut.set(ABERRANT, (leftOut.get(ABERRANT) ?? 0) + 1);
      return;
    }
    const list = layers.get(layer) ?? [];
    layers.set(layer, list);
    list.push(...line);
    segmentCount++;
  };
  const arc = (layer: string, m: Affine, cx: number, cy: number, radius: number, start: number, end: number) => {
    let sweep = end - start;
    while (sweep <= 0) sweep += 2 * Math.PI;
    const steps = Math.max(2, Math.ceil((CIRCLE_CHORDS * sweep) / (2 * Math.PI)));
    let px = cx + radius * Math.cos(start);
    let py = cy + radius * Math.sin(start);
    for (let step = 1; step <= steps; step++) {
      const angle = start + (sweep * step) / steps;
      const nx = cx + radius * Math.cos(angle);
      const ny = cy + radius * Math.sin(angle);
      push(layer, m, px, py, nx, ny);
      px = nx;
      py = ny;
    }
  };
  /** A polyline edge with a bulge (tan of a quarter of the included angle; negative = clockwise). */
  const bulgeEdge = (layer: string, m: Affine, a: DxfPoint, b: DxfPoint, bulge: number) => {
    const chord = Math.hypot(b.x - a.x, b.y - a.y);
    if (chord === 0) return;
    const angle = 4 * Math.atan(bulge); // included angle, counter-clockwise when positive
    const radius = Math.abs(chord / (2 * Math.sin(angle / 2)));
    // The centre sits on the left normal of a→b at a signed distance chord / (2 tan(angle / 2)).
    const toCentre = chord / (2 * Math.tan(angle / 2));
    const cx = (a.x + b.x) / 2 - ((b.y - a.y) / chord) * toCentre;
    const cy = (a.y + b.y) / 2 + ((b.x - a.x) / chord) * toCentre;
    const start = Math.atan2(a.y - cy, a.x - cx);
    const end = Math.atan2(b.y - cy, b.x - cx);
    if (bulge > 0) arc(layer, m, cx, cy, radius, start, end);
    else arc(layer, m, cx, cy, radius, end, start);
  };

  const walk = (entities: DxfEntity[], m: Affine, inheritedLayer: string | null, depth: number) => {
    for (const entity of entities) {
      if (segmentCount >= maxSegments || options.shouldStop?.()) return;
      if (entity.inPaperSpace) continue;
      const own = entity.layer ?? '0';
      const layer = inheritedLayer !== null && own === '0' ? inheritedLayer : own;
      switch (entity.type) {
        case 'LINE': {
          const [a, b] = entity.vertices ?? [];
          if (a && b) push(layer, m, a.x, a.y, b.x, b.y);
          break;
        }
        case 'LWPOLYLINE':
        case 'POLYLINE': {
          const vertices = entity.vertices ?? [];
          const count = entity.shape ? vertices.length : vertices.length - 1;
          for (let index = 0; index < count; index++) {
            const a = vertices[index]!;
            const b = vertices[(index + 1) % vertices.length]!;
            if (a.bulge) bulgeEdge(layer, m, a, b, a.bulge);
            else push(layer, m, a.x, a.y, b.x, b.y);
          }
          break;
        }
        case 'ARC':
          if (entity.center && entity.radius) arc(layer, m, entity.center.x, entity.center.y, entity.radius, entity.startAngle ?? 0, entity.endAngle ?? 2 * Math.PI);
          break;
        case 'CIRCLE':
          if (entity.center && entity.radius) arc(layer, m, entity.center.x, entity.center.y, entity.radius, 0, 2 * Math.PI);
          break;
        case 'INSERT': {
          const block = dxf.blocks?.[entity.name ?? ''];
          if (!block?.entities || depth >= MAX_DEPTH) {
            leftOut.set('INSERT', (leftOut.get('INSERT') ?? 0) + 1);
            break;
          }
          const position = entity.position ?? { x: 0, y: 0 };
          for (let row = 0; row < Math.max(1, entity.rowCount ?? 1); row++)
            for (let column = 0; column < Math.max(1, entity.columnCount ?? 1); column++) {
              // MINSERT copies step along the insert's own rotated axes.
              const r = ((entity.rotation ?? 0) * Math.PI) / 180;
              const dx = column * (entity.columnSpacing ?? 0);
              const dy = row * (entity.rowSpacing ?? 0);
              const at = { x: position.x + dx * Math.cos(r) - dy * Math.sin(r), y: position.y + dx * Math.sin(r) + dy * Math.cos(r) };
              const local = insertTransform(at, entity.rotation ?? 0, entity.xScale ?? 1, entity.yScale ?? 1, block.position ?? { x: 0, y: 0 });
              walk(block.entities, compose(m, local), layer, depth + 1);
            }
          break;
        }
        default:
          leftOut.set(entity.type, (leftOut.get(entity.type) ?? 0) + 1);
      }
    }
  };
  walk(dxf.entities ?? [], IDENTITY, null, 0);

  const hiddenLayers = new Set<string>();
  for (const [name, layer] of Object.entries(dxf.tables?.layer?.layers ?? {})) if (layer.visible === false || layer.frozen) hiddenLayers.add(name);
  const insUnits = Number(dxf.header?.$INSUNITS ?? 0);
  return { layers, hiddenLayers, leftOut, segmentCount, insUnits: Number.isFinite(insUnits) ? insUnits : 0 };
}
