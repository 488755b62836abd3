/**
 * One level's implantation plan as a PNG, rasterised here (no canvas needed, so the CLI and workers produce the
 * same bytes): zones, exclusion zones, walls in their material colour, AP markers with their table numbers drawn
 * from a 5×7 digit font, a 5 m scale bar and a north arrow. Names stay in the SVG and PDF, where text is vector.
 */
import { encodePng } from '../io/png.ts';
import { levelExtentM } from '../model/level-extent.ts';
import type { Level, ProjectDocument } from '../model/schema.ts';
import { hexToRgb255 } from './hex-colour.ts';

// 5×7 digits, one row per string, bit 4 = leftmost column.
const DIGITS: Record<string, number[]> = {
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
};

type Colour = [number, number, number];

/** An RGBA image drawn into by scanline: every loop is clamped to the image. */
export class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4).fill(255);
  }

  blend(x: number, y: number, [r, g, b]: Colour, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const offset = (y * this.width + x) * 4;
    this.pixels[offset] = Math.round(this.pixels[offset]! * (1 - alpha) + r * alpha);
    this.pixels[offset + 1] = Math.round(this.pixels[offset + 1]! * (1 - alpha) + g * alpha);
    this.pixels[offset + 2] = Math.round(this.pixels[offset + 2]! * (1 - alpha) + b * alpha);
  }

  /** Even-odd scanline fill of a polygon given in pixels. */
  polygon(points: [number, number][], colour: Colour, alpha: number): void {
    const ys = points.map(([, y]) => y);
    if (!ys.every(Number.isFinite) || !points.every(([x]) => Number.isFinite(x))) return;
    for (let y = Math.max(0, Math.floor(Math.min(...ys))); y <= Math.min(this.height - 1, Math.ceil(Math.max(...ys))); y++) {
      const scan = y + 0.5;
      const crossings: number[] = [];
      points.forEach(([x1, y1], index) => {
        const [x2, y2] = points[(index + 1) % points.length]!;
        if (y1 <= scan !== y2 <= scan) crossings.push(x1 + ((scan - y1) * (x2 - x1)) / (y2 - y1));
      });
      crossings.sort((a, b) => a - b);
      for (let index = 0; index + 1 < crossings.length; index += 2) {
        // Clamped to the image: a shape far outside costs nothing, however far.
        const last = Math.min(this.width - 1, Math.floor(crossings[index + 1]! - 0.5));
        for (let x = Math.max(0, Math.ceil(crossings[index]! - 0.5)); x <= last; x++) this.blend(x, y, colour, alpha);
      }
    }
  }

  /** A thick segment as the polygon around it. */
  line(x1: number, y1: number, x2: number, y2: number, width: number, colour: Colour): void {
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const nx = ((y1 - y2) / length) * (width / 2);
    const ny = ((x2 - x1) / length) * (width / 2);
    this.polygon([[x1 + nx, y1 + ny], [x2 + nx, y2 + ny], [x2 - nx, y2 - ny], [x1 - nx, y1 - ny]], colour, 1);
  }

  disc(cx: number, cy: number, radius: number, colour: Colour): void {
    if (![cx, cy, radius].every(Number.isFinite)) return;
    const bottom = Math.min(this.height - 1, Math.ceil(cy + radius));
    const right = Math.min(this.width - 1, Math.ceil(cx + radius));
    for (let y = Math.max(0, Math.floor(cy - radius)); y <= bottom; y++) {
      for (let x = Math.max(0, Math.floor(cx - radius)); x <= right; x++) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius * radius) this.blend(x, y, colour, 1);
      }
    }
  }

  digits(text: string, cx: number, cy: number, scale: number, colour: Colour): void {
    const width = text.length * 6 * scale - scale;
    let left = Math.round(cx - width / 2);
    const top = Math.round(cy - 3.5 * scale);
    for (const character of text) {
      const rows = DIGITS[character];
      if (rows) {
        rows.forEach((bits, row) => {
          for (let column = 0; column < 5; column++) {
            if (!(bits & (16 >> column))) continue;
            for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) this.blend(left + column * scale + dx, top + row * scale + dy, colour, 1);
          }
        });
      }
      left += 6 * scale;
    }
  }
}

/** The plan at `pixelsPerM` (20 by default: a 42 m floor gives an 920 px wide image). */
export function implantationPlanPng(document: ProjectDocument, level: Level, apNumbers: ReadonlyMap<string, number>, pixelsPerM = 20): Uint8Array {
  const extent = levelExtentM(document, level);
  const margin = 2;
  const width = Math.min(8000, Math.ceil((extent.maxX - extent.minX + 2 * margin) * pixelsPerM));
  const height = Math.min(8000, Math.ceil((extent.maxY - extent.minY + 2 * margin + 2) * pixelsPerM));
  const raster = new Raster(width, height);
  const px = (xM: number) => (xM - extent.minX + margin) * pixelsPerM;
  const py = (yM: number) => (yM - extent.minY + margin) * pixelsPerM;
  for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) raster.polygon(zone.polygon.map((point) => [px(point.xM), py(point.yM)]), [46, 139, 87], 0.15);
  for (const zone of document.exclusionZones.filter((candidate) => candidate.levelId === level.id)) raster.polygon(zone.polygon.map((point) => [px(point.xM), py(point.yM)]), [178, 34, 34], 0.18);
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  for (const wall of document.walls.filter((candidate) => candidate.levelId === level.id)) {
    const material = materials.get(wall.materialId);
    raster.line(px(wall.from.xM), py(wall.from.yM), px(wall.to.xM), py(wall.to.yM), Math.max(2, (material?.thicknessM ?? 0.1) * pixelsPerM), material ? hexToRgb255(material.color) : [51, 51, 51]);
  }
  const markerRadius = Math.max(9, 0.45 * pixelsPerM);
  for (const ap of document.accessPoints.filter((candidate) => candidate.levelId === level.id)) {
    raster.disc(px(ap.position.xM), py(ap.position.yM), markerRadius + 2, [255, 255, 255]);
    raster.disc(px(ap.position.xM), py(ap.position.yM), markerRadius, [11, 92, 173]);
    raster.digits(String(apNumbers.get(ap.id) ?? ''), px(ap.position.xM), py(ap.position.yM), Math.max(1, Math.floor(markerRadius / 6)), [255, 255, 255]);
  }
  raster.line(px(extent.minX), py(extent.maxY) + pixelsPerM, px(extent.minX + 5), py(extent.maxY) + pixelsPerM, Math.max(3, pixelsPerM / 6), [26, 26, 26]);
  const northX = px(extent.maxX);
  const northY = pixelsPerM * 0.6;
  raster.polygon([[northX, northY], [northX - 6, northY + 12], [northX + 6, northY + 12]], [26, 26, 26], 1);
  raster.line(northX, northY + 12, northX, northY + 30, 2, [26, 26, 26]);
  return encodePng(width, height, raster.pixels);
}
