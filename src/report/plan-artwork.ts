/**
 * The imported building plan of a level, as the deliverables draw it under every map: which bytes to use (the PDF
 * page itself when the plan is a PDF, the picture otherwise) and where they sit in the level frame. A plan whose
 * file is not in the study (a document stored without its assets, a format the documents cannot reproduce) is
 * `missing` with the reason, so the documents say so instead of failing.
 */
import { visiblePlanBox } from '../model/plan-frame.ts';
import { displayMetersPerUnit } from '../model/plan-scale.ts';
import type { Level, ProjectDocument } from '../model/schema.ts';

/** Affine map [a, b, c, d, e, f]: x' = a·x + c·y + e, y' = b·x + d·y + f (the PDF and SVG convention). */
export type Affine = readonly [number, number, number, number, number, number];

export function multiply(outer: Affine, inner: Affine): Affine {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2, a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1];
}

export function apply(matrix: Affine, x: number, y: number): { x: number; y: number } {
  const [a, b, c, d, e, f] = matrix;
  return { x: a * x + c * y + e, y: b * x + d * y + f };
}

export type PlanPicture =
  | { kind: 'svg'; text: string }
  | { kind: 'png' | 'jpeg' | 'webp'; bytes: Uint8Array }
  /** A page of a PDF plan, kept vector; `fallback` is the picture shown in the editor, used if the page cannot be embedded. */
  | { kind: 'pdf'; bytes: Uint8Array; pageIndex: number; fallback: PlanPicture | null };

export interface PlanPlacement {
  picture: PlanPicture;
  /** The picture's size in plan units (its own coordinate system, y down). */
  widthUnits: number;
  heightUnits: number;
  /** From plan units (y down) to level metres: scale, then the plan's quarter turn. */
  toLevel: Affine;
  /** The visible part (crop) in level metres. */
  clip: { minX: number; minY: number; maxX: number; maxY: number };
}

export type PlanArtwork = { kind: 'plan'; placement: PlanPlacement } | { kind: 'missing'; reason: 'no-plan' | 'file-missing' | 'unsupported' };

const PICTURE_KINDS: Record<string, 'png' | 'jpeg' | 'webp' | 'svg'> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp', 'image/svg+xml': 'svg' };

/** Where the plan's quarter turn puts a point of the unturned picture, in metres (as the editor draws it). */
function quarterTurn(rotationDeg: number, widthM: number, heightM: number): Affine {
  if (rotationDeg === 90) return [0, 1, -1, 0, heightM, 0];
  if (rotationDeg === 180) return [-1, 0, 0, -1, widthM, heightM];
  if (rotationDeg === 270) return [0, -1, 1, 0, 0, widthM];
  return [1, 0, 0, 1, 0, 0];
}

function picture(bytes: Uint8Array | undefined, mimeType: string | undefined): PlanPicture | null {
  const kind = mimeType ? PICTURE_KINDS[mimeType] : undefined;
  if (!bytes || !kind) return null;
  return kind === 'svg' ? { kind, text: new TextDecoder().decode(bytes) } : { kind, bytes };
}

export function planArtwork(document: ProjectDocument, level: Level, assets: ReadonlyMap<string, Uint8Array>): PlanArtwork {
  const plan = level.plan;
  const clip = visiblePlanBox(level);
  if (!plan || !clip) return { kind: 'missing', reason: 'no-plan' };
  const mimeTypes = new Map(document.assets.map((asset) => [asset.sha256, asset.mimeType]));
  const shown = picture(assets.get(plan.assetSha256), mimeTypes.get(plan.assetSha256));
  const source = plan.sourceSha256 ? assets.get(plan.sourceSha256) : undefined;
  const mpu = displayMetersPerUnit(level);
  const toLevel = multiply(quarterTurn(plan.rotationDeg, plan.widthUnits * mpu, plan.heightUnits * mpu), [mpu, 0, 0, mpu, 0, 0]);
  const placement = (chosen: PlanPicture): PlanArtwork => ({ kind: 'plan', placement: { picture: chosen, widthUnits: plan.widthUnits, heightUnits: plan.heightUnits, toLevel, clip } });
  if (plan.format === 'pdf' && source) return placement({ kind: 'pdf', bytes: source, pageIndex: plan.page - 1, fallback: shown });
  if (shown) return placement(shown);
  if (!assets.has(plan.assetSha256)) return { kind: 'missing', reason: 'file-missing' };
  return { kind: 'missing', reason: 'unsupported' };
}
