/**
 * One level's implantation plan as a standalone SVG (metres in a viewBox, so it scales without loss): zones,
 * exclusion zones, walls in their material colour, numbered APs with names, scale bar, north arrow, title.
 */
import { escapeXml } from '../io/xml.ts';
import { levelExtentM } from '../model/level-extent.ts';
import type { Level, ProjectDocument } from '../model/schema.ts';
import { t } from '../i18n/index.ts';

const r = (value: number) => Math.round(value * 1000) / 1000;

export function implantationPlanSvg(document: ProjectDocument, level: Level, apNumbers: ReadonlyMap<string, number>): string {
  const extent = levelExtentM(document, level);
  const margin = 2;
  const width = extent.maxX - extent.minX + 2 * margin;
  const height = extent.maxY - extent.minY + 2 * margin + 3;
  const x0 = extent.minX - margin;
  const y0 = extent.minY - margin - 3;
  const points = (polygon: { xM: number; yM: number }[]) => polygon.map((point) => `${r(point.xM)},${r(point.yM)}`).join(' ');
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(x0)} ${r(y0)} ${r(width)} ${r(height)}" width="${Math.round(width * 30)}" height="${Math.round(height * 30)}" font-family="DejaVu Sans, Arial, sans-serif">`);
  out.push(`<title>${escapeXml(t('studyReport.planTitle', { level: level.name }))}</title>`);
  out.push(`<rect x="${r(x0)}" y="${r(y0)}" width="${r(width)}" height="${r(height)}" fill="#ffffff"/>`);
  out.push(`<text x="${r(extent.minX)}" y="${r(y0 + 1.5)}" font-size="1" font-weight="bold" fill="#0b5cad">${escapeXml(t('studyReport.planTitle', { level: level.name }))} — ${escapeXml(document.study.title)}</text>`);
  for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) {
    out.push(`<polygon points="${points(zone.polygon)}" fill="#2e8b57" fill-opacity="0.12" stroke="#2e8b57" stroke-width="0.06" stroke-dasharray="0.3 0.2"><title>${escapeXml(zone.name)}</title></polygon>`);
  }
  for (const zone of document.exclusionZones.filter((candidate) => candidate.levelId === level.id)) {
    out.push(`<polygon points="${points(zone.polygon)}" fill="#b22222" fill-opacity="0.12" stroke="#b22222" stroke-width="0.06"><title>${escapeXml(zone.name)}</title></polygon>`);
  }
  for (const wall of document.walls.filter((candidate) => candidate.levelId === level.id)) {
    const material = materials.get(wall.materialId);
    out.push(`<line x1="${r(wall.from.xM)}" y1="${r(wall.from.yM)}" x2="${r(wall.to.xM)}" y2="${r(wall.to.yM)}" stroke="${material?.color ?? '#333333'}" stroke-width="${r(Math.max(0.08, material?.thicknessM ?? 0.1))}" stroke-linecap="round"/>`);
  }
  for (const ap of document.accessPoints.filter((candidate) => candidate.levelId === level.id)) {
    const number = apNumbers.get(ap.id) ?? 0;
    out.push(`<g class="borne" data-borne="${escapeXml(ap.name)}"><circle cx="${r(ap.position.xM)}" cy="${r(ap.position.yM)}" r="0.35" fill="#0b5cad" stroke="#ffffff" stroke-width="0.06"/><text x="${r(ap.position.xM)}" y="${r(ap.position.yM + 0.14)}" font-size="0.4" font-weight="bold" fill="#ffffff" text-anchor="middle">${number}</text><text x="${r(ap.position.xM + 0.5)}" y="${r(ap.position.yM - 0.2)}" font-size="0.45" font-weight="bold" fill="#0b2545">${escapeXml(ap.name)}</text></g>`);
  }
  const bar = 5;
  out.push(`<rect x="${r(extent.minX)}" y="${r(extent.maxY + 0.8)}" width="${bar}" height="0.15" fill="#1a1a1a"/><text x="${r(extent.minX + bar + 0.3)}" y="${r(extent.maxY + 1)}" font-size="0.5">${bar} m</text>`);
  out.push(`<g transform="translate(${r(extent.maxX)} ${r(y0 + 1)})"><path d="M0 0 L-0.3 0.6 L0.3 0.6 Z" fill="#1a1a1a"/><line x1="0" y1="0.6" x2="0" y2="1.6" stroke="#1a1a1a" stroke-width="0.08"/><text x="0" y="2.2" font-size="0.5" text-anchor="middle" font-weight="bold">N</text></g>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
