/**
 * Places the kept DXF layers in plan units (origin at the top-left of their extent, y down) and draws them as an
 * SVG picture whose pixel size is bounded (the viewBox carries the drawing units).
 */
export interface DxfLayerLines {
  name: string;
  segments: Float32Array;
}

export interface PlacedDxf {
  /** Lines of every kept layer, in plan units, grouped by layer in the given order. */
  vectors: Float32Array;
  vectorLayers: { name: string; count: number }[];
  widthUnits: number;
  heightUnits: number;
  svg: string;
}

/** Longest side of the SVG's intrinsic size, in pixels. */
const PICTURE_MAX_PX = 6000;
const LAYER_COLOURS = ['#1b1b1b', '#5a3e1b', '#1f4e79', '#6b2d5c', '#2e5e2e', '#7a4a00'];

export function placeDxf(layers: readonly DxfLayerLines[]): PlacedDxf {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { segments } of layers)
    for (let index = 0; index < segments.length; index += 2) {
      const x = segments[index]!;
      const y = segments[index + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  const widthUnits = Math.max(maxX - minX, 1e-6);
  const heightUnits = Math.max(maxY - minY, 1e-6);
  const total = layers.reduce((sum, layer) => sum + layer.segments.length, 0);
  const vectors = new Float32Array(total);
  let offset = 0;
  const paths: string[] = [];
  layers.forEach(({ segments }, layerIndex) => {
    const d: string[] = [];
    for (let index = 0; index < segments.length; index += 4) {
      const x0 = segments[index]! - minX;
      const y0 = maxY - segments[index + 1]!;
      const x1 = segments[index + 2]! - minX;
      const y1 = maxY - segments[index + 3]!;
      vectors.set([x0, y0, x1, y1], offset + index);
      d.push(`M${round(x0)} ${round(y0)}L${round(x1)} ${round(y1)}`);
    }
    offset += segments.length;
    paths.push(`<path vector-effect="non-scaling-stroke" stroke="${LAYER_COLOURS[layerIndex % LAYER_COLOURS.length]}" d="${d.join('')}"/>`);
  });
  const pixelScale = PICTURE_MAX_PX / Math.max(widthUnits, heightUnits);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.max(1, Math.round(widthUnits * pixelScale))}" height="${Math.max(1, Math.round(heightUnits * pixelScale))}" ` +
    `viewBox="0 0 ${round(widthUnits)} ${round(heightUnits)}"><rect width="100%" height="100%" fill="#ffffff"/>` +
    `<g fill="none" stroke-width="1.5" stroke-linecap="round">${paths.join('')}</g></svg>`;
  return { vectors, vectorLayers: layers.map((layer) => ({ name: layer.name, count: layer.segments.length / 4 })), widthUnits, heightUnits, svg };
}

const round = (value: number) => Math.round(value * 1000) / 1000;
