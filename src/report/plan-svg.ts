/**
 * One level's implantation plan as a standalone SVG: the imported building plan under everything (inlined when it is
 * an SVG, embedded when it is a picture), zones with their names, exclusion zones, walls in their material colour,
 * numbered APs with their names, a legend with the AP list, a scale bar, a north arrow and the title. The PNG plan
 * is this SVG rendered by resvg, so both files show the same drawing. Layout in pixels at `PX_PER_M`-derived scale,
 * so text keeps one size whatever the building's size.
 */
import { frenchTypography } from '../i18n/typography.ts';
import { formatNumber, t } from '../i18n/index.ts';
import { escapeXml } from '../io/xml.ts';
import { levelExtentM } from '../model/level-extent.ts';
import type { Level, ProjectDocument } from '../model/schema.ts';
import type { PlanArtwork, PlanPlacement } from './plan-artwork.ts';
import { cornerLabelPoint } from './label-point.ts';

const r = (value: number) => Math.round(value * 100) / 100;
const text = (value: string) => escapeXml(frenchTypography(value));

/** Target drawing width of the plan itself, in px. */
const PLAN_WIDTH_PX = 1600;
const LEGEND_WIDTH_PX = 620;
const MARGIN_PX = 40;
const TITLE_PX = 110;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** The imported SVG plan as a nested viewport of its own size, so its viewBox and units keep their meaning. */
function nestedSvg(source: string, width: number, height: number): string {
  const body = source.replace(/<\?xml[^>]*\?>/g, '').replace(/<!DOCTYPE[^>[]*(\[[^\]]*\])?>/gi, '');
  const withSize = body.replace(/<svg\b([^>]*)>/i, (_whole, attributes: string) => `<svg${attributes.replace(/\s(width|height|x|y)\s*=\s*("[^"]*"|'[^']*')/gi, '')} x="0" y="0" width="${width}" height="${height}" preserveAspectRatio="none">`);
  return withSize;
}

/**
 * The plan picture in level metres, clipped to its crop, as an SVG fragment; '' when the study has no usable
 * picture (a PDF plan is shown through the picture the editor shows).
 */
export function planPictureSvg(placement: PlanPlacement, clipId: string): string {
  const picture = placement.picture.kind === 'pdf' ? placement.picture.fallback : placement.picture;
  if (!picture || picture.kind === 'pdf') return '';
  const { widthUnits: w, heightUnits: h, toLevel, clip } = placement;
  const inner = picture.kind === 'svg' ? nestedSvg(picture.text, w, h) : `<image href="data:image/${picture.kind};base64,${base64(picture.bytes)}" x="0" y="0" width="${w}" height="${h}" preserveAspectRatio="none"/>`;
  return `<clipPath id="${clipId}"><rect x="${clip.minX}" y="${clip.minY}" width="${clip.maxX - clip.minX}" height="${clip.maxY - clip.minY}"/></clipPath><g clip-path="url(#${clipId})"><g transform="matrix(${toLevel.join(' ')})">${inner}</g></g>`;
}

/** The plan picture alone, in an SVG whose viewBox is the level extent it covers (rendered to PNG under PDF maps). */
export function planPictureDocument(placement: PlanPlacement): string | null {
  const fragment = planPictureSvg(placement, 'plan-seul');
  if (!fragment) return null;
  const { clip } = placement;
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="${clip.minX} ${clip.minY} ${clip.maxX - clip.minX} ${clip.maxY - clip.minY}" width="${r(clip.maxX - clip.minX)}" height="${r(clip.maxY - clip.minY)}"><rect x="${clip.minX}" y="${clip.minY}" width="${clip.maxX - clip.minX}" height="${clip.maxY - clip.minY}" fill="#ffffff"/>${fragment}</svg>`;
}

export function implantationPlanSvg(document: ProjectDocument, level: Level, apNumbers: ReadonlyMap<string, number>, artwork: PlanArtwork): string {
  const extent = levelExtentM(document, level);
  const widthM = Math.max(1, extent.maxX - extent.minX);
  const heightM = Math.max(1, extent.maxY - extent.minY);
  const k = PLAN_WIDTH_PX / Math.max(widthM, heightM * 1.6);
  const planW = widthM * k;
  const planH = heightM * k;
  const aps = document.accessPoints.filter((ap) => ap.levelId === level.id).sort((a, b) => (apNumbers.get(a.id) ?? 0) - (apNumbers.get(b.id) ?? 0));
  const legendRows = 9 + aps.length;
  const width = MARGIN_PX * 3 + planW + LEGEND_WIDTH_PX;
  const height = Math.max(TITLE_PX + planH + MARGIN_PX * 2 + 60, TITLE_PX + legendRows * 34 + MARGIN_PX * 2);
  const ox = MARGIN_PX;
  const oy = TITLE_PX;
  const px = (xM: number) => r(ox + (xM - extent.minX) * k);
  const py = (yM: number) => r(oy + (yM - extent.minY) * k);
  const points = (polygon: { xM: number; yM: number }[]) => polygon.map((point) => `${px(point.xM)},${py(point.yM)}`).join(' ');
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const out: string[] = [];
  const title = t('studyReport.planTitle', { level: level.name });
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 ${r(width)} ${r(height)}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="DejaVu Sans, Arial, sans-serif">`);
  out.push(`<title>${text(title)}</title>`);
  out.push(`<rect x="0" y="0" width="${r(width)}" height="${r(height)}" fill="#ffffff"/>`);
  out.push(`<text x="${MARGIN_PX}" y="52" font-size="34" font-weight="bold" fill="#0b5cad">${text(title)}</text>`);
  out.push(`<text x="${MARGIN_PX}" y="88" font-size="22" fill="#555">${text(`${document.study.title} — ${document.study.site.entityName}`)}</text>`);

  // The building plan, in level metres scaled to the page.
  out.push(`<g id="plan-du-batiment" transform="translate(${r(ox - extent.minX * k)} ${r(oy - extent.minY * k)}) scale(${r(k * 1000) / 1000})">`);
  if (artwork.kind === 'plan') out.push(`<!--plan fourni-->${planPictureSvg(artwork.placement, 'decoupe-plan')}<!--fin du plan fourni-->`);
  out.push('</g>');
  if (artwork.kind === 'missing') out.push(`<text x="${ox + 10}" y="${oy + 30}" font-size="20" fill="#b22222">${text(t(`deliverables.planMissing.${artwork.reason}`))}</text>`);

  for (const zone of document.coverageZones.filter((candidate) => candidate.levelId === level.id)) {
    out.push(`<polygon class="zone" points="${points(zone.polygon)}" fill="#2e8b57" fill-opacity="0.10" stroke="#2e8b57" stroke-width="2" stroke-dasharray="10 6"><title>${text(zone.name)}</title></polygon>`);
  }
  for (const zone of document.exclusionZones.filter((candidate) => candidate.levelId === level.id)) {
    out.push(`<polygon class="exclusion" points="${points(zone.polygon)}" fill="#b22222" fill-opacity="0.12" stroke="#b22222" stroke-width="2"><title>${text(zone.name)}</title></polygon>`);
  }
  for (const wall of document.walls.filter((candidate) => candidate.levelId === level.id)) {
    const material = materials.get(wall.materialId);
    out.push(`<line x1="${px(wall.from.xM)}" y1="${py(wall.from.yM)}" x2="${px(wall.to.xM)}" y2="${py(wall.to.yM)}" stroke="${material?.color ?? '#333333'}" stroke-width="${r(Math.max(3, (material?.thicknessM ?? 0.1) * k))}" stroke-linecap="round" stroke-opacity="0.85"/>`);
  }
  for (const zone of [...document.coverageZones, ...document.exclusionZones].filter((candidate) => candidate.levelId === level.id)) {
    const at = cornerLabelPoint(zone.polygon, 8 / k);
    out.push(`<text class="etiquette-zone" x="${px(at.xM)}" y="${r(py(at.yM) + 18)}" font-size="18" font-weight="bold" fill="#1d5e3a" paint-order="stroke" stroke="#ffffff" stroke-width="5">${text(zone.name)}</text>`);
  }
  for (const ap of aps) {
    const number = apNumbers.get(ap.id) ?? 0;
    const x = px(ap.position.xM);
    const y = py(ap.position.yM);
    out.push(`<g class="borne" data-borne="${text(ap.name)}"><circle cx="${x}" cy="${y}" r="17" fill="#0b5cad" stroke="#ffffff" stroke-width="3"/><text x="${x}" y="${r(y + 7)}" font-size="19" font-weight="bold" fill="#ffffff" text-anchor="middle">${number}</text><text x="${r(x + 22)}" y="${r(y - 12)}" font-size="19" font-weight="bold" fill="#0b2545" paint-order="stroke" stroke="#ffffff" stroke-width="5">${text(ap.name)}</text></g>`);
  }

  // Scale bar (a round length near a fifth of the plan) and north arrow (plan up).
  const bar = [1, 2, 5, 10, 20, 50, 100, 200, 500].reduce((best, value) => (Math.abs(value * k - planW / 5) < Math.abs(best * k - planW / 5) ? value : best));
  const barY = r(oy + planH + 36);
  out.push(`<rect x="${ox}" y="${barY}" width="${r(bar * k)}" height="8" fill="#1a1a1a"/><text x="${r(ox + bar * k + 12)}" y="${r(barY + 9)}" font-size="20">${text(`${bar} m`)}</text>`);
  const northX = r(ox + planW - 20);
  out.push(`<g transform="translate(${northX} ${TITLE_PX - 90})"><path d="M0 0 L-10 22 L10 22 Z" fill="#1a1a1a"/><line x1="0" y1="22" x2="0" y2="52" stroke="#1a1a1a" stroke-width="3"/><text x="0" y="76" font-size="20" text-anchor="middle" font-weight="bold">N</text></g>`);

  // Legend and AP list.
  const lx = r(ox + planW + MARGIN_PX);
  let ly = oy + 10;
  const row = (swatch: string, label: string) => {
    out.push(`<g transform="translate(${lx} ${r(ly)})">${swatch}<text x="44" y="7" font-size="19" dominant-baseline="middle">${text(label)}</text></g>`);
    ly += 34;
  };
  out.push(`<text x="${lx}" y="${r(ly)}" font-size="24" font-weight="bold">${text(t('studyReport.planLegend'))}</text>`);
  ly += 34;
  row('<circle cx="14" cy="7" r="12" fill="#0b5cad" stroke="#ffffff" stroke-width="2"/>', t('studyReport.legendAp'));
  row('<rect x="0" y="-4" width="28" height="22" fill="#2e8b57" fill-opacity="0.25" stroke="#2e8b57" stroke-width="2" stroke-dasharray="6 4"/>', t('studyReport.legendZone'));
  row('<rect x="0" y="-4" width="28" height="22" fill="#b22222" fill-opacity="0.25" stroke="#b22222" stroke-width="2"/>', t('studyReport.legendExclusion'));
  const used = new Set(document.walls.filter((wall) => wall.levelId === level.id).map((wall) => wall.materialId));
  for (const material of document.materials.filter((candidate) => used.has(candidate.id))) row(`<rect x="0" y="3" width="28" height="8" fill="${material.color}"/>`, material.name);
  ly += 16;
  out.push(`<text x="${lx}" y="${r(ly)}" font-size="22" font-weight="bold">${text(t('studyReport.planApsTitle'))}</text>`);
  ly += 32;
  for (const ap of aps) {
    const radios = ap.radios.filter((radio) => radio.enabled).map((radio) => `${radio.band.replace('.', ',')} GHz c. ${radio.channel}`).join(' · ');
    out.push(`<text x="${lx}" y="${r(ly)}" font-size="17"><tspan font-weight="bold">${apNumbers.get(ap.id) ?? ''}. ${text(ap.name)}</tspan> — ${text(`${formatNumber(ap.mountingHeightM, 1)} m`)} — ${text(radios)}</text>`);
    ly += 28;
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
