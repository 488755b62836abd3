/**
 * A level's plan drawn from what the IFC import read (walls at their thickness in their material's colour, doors and
 * windows as gaps, spaces with name and area, slab openings), so the editor shows the building under the model the
 * engine computes. Units: `metersPerUnit` per SVG unit; the frame is the level's.
 */
import { formatNumber, t } from '../../i18n/index.ts';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { polygonAreaM2 } from '../../model/geometry.ts';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function storeyPlanSvg(document: ProjectDocument, level: Level, widthM: number, heightM: number, metersPerUnit: number): string {
  const u = (m: number) => Number((m / metersPerUnit).toFixed(1));
  const colour = new Map(document.materials.map((material) => [material.id, material.color]));
  const parts: string[] = [];
  const points = (polygon: readonly { xM: number; yM: number }[]) => polygon.map((p) => `${u(p.xM)},${u(p.yM)}`).join(' ');
  const label = 0.28; // m, text height

  for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) {
    parts.push(`<polygon points="${points(zone.polygon)}" fill="#eef3f8" stroke="#b8c2cc" stroke-width="${u(0.02)}"/>`);
    const centre = zone.polygon.reduce((sum, p) => ({ x: sum.x + p.xM / zone.polygon.length, y: sum.y + p.yM / zone.polygon.length }), { x: 0, y: 0 });
    const area = polygonAreaM2(zone.polygon);
    parts.push(
      `<text x="${u(centre.x)}" y="${u(centre.y)}" font-size="${u(label)}" text-anchor="middle" fill="#3d4a57" font-family="sans-serif">${escapeXml(zone.name)}</text>`,
      `<text x="${u(centre.x)}" y="${u(centre.y + label * 1.3)}" font-size="${u(label * 0.85)}" text-anchor="middle" fill="#5d6b78" font-family="sans-serif">${escapeXml(t('exchange.ifc.planArea', { area: formatNumber(area, 1) }))}</text>`,
    );
  }
  for (const opening of document.slabOpenings.filter((candidate) => candidate.levelId === level.id)) {
    parts.push(`<polygon points="${points(opening.polygon)}" fill="#ffffff" stroke="#5b5b5b" stroke-width="${u(0.03)}" stroke-dasharray="${u(0.15)} ${u(0.1)}"/>`);
  }
  const walls = document.walls.filter((wall) => wall.levelId === level.id);
  for (const wall of walls) {
    const thickness = document.materials.find((material) => material.id === wall.materialId)?.thicknessM ?? 0.1;
    parts.push(`<line x1="${u(wall.from.xM)}" y1="${u(wall.from.yM)}" x2="${u(wall.to.xM)}" y2="${u(wall.to.yM)}" stroke="${colour.get(wall.materialId) ?? '#4a4f57'}" stroke-width="${u(Math.max(0.05, thickness))}"/>`);
  }
  for (const opening of document.openings.filter((candidate) => candidate.levelId === level.id)) {
    const wall = walls.find((candidate) => candidate.id === opening.wallId);
    if (!wall) continue;
    const length = Math.hypot(wall.to.xM - wall.from.xM, wall.to.yM - wall.from.yM);
    const ux = (wall.to.xM - wall.from.xM) / length;
    const uy = (wall.to.yM - wall.from.yM) / length;
    const a = { x: wall.from.xM + ux * (opening.offsetM - opening.widthM / 2), y: wall.from.yM + uy * (opening.offsetM - opening.widthM / 2) };
    const b = { x: wall.from.xM + ux * (opening.offsetM + opening.widthM / 2), y: wall.from.yM + uy * (opening.offsetM + opening.widthM / 2) };
    const thickness = document.materials.find((material) => material.id === wall.materialId)?.thicknessM ?? 0.1;
    parts.push(
      `<line x1="${u(a.x)}" y1="${u(a.y)}" x2="${u(b.x)}" y2="${u(b.y)}" stroke="#ffffff" stroke-width="${u(Math.max(0.05, thickness) + 0.02)}"/>`,
      `<line x1="${u(a.x)}" y1="${u(a.y)}" x2="${u(b.x)}" y2="${u(b.y)}" stroke="${opening.kind === 'porte' ? '#a07845' : '#5fb4d9'}" stroke-width="${u(0.04)}"/>`,
    );
  }
  const width = u(widthM);
  const height = u(heightM);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeXml(t('exchange.ifc.planTitle', { level: level.name }))}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
