/**
 * Draws a level's imported building plan under a PDF map: a PDF plan as its own page, embedded once and kept vector;
 * a JPEG as it is; an SVG, PNG or WebP plan rendered by resvg at print resolution. Each level's plan is embedded
 * once per document and reused by every map of that level. The plan is drawn with the « multiply » blend, so its
 * white paper lets the heatmap below show while its lines and room names stay black.
 */
import { clip, concatTransformationMatrix, drawObject, endPath, PDFDocument, popGraphicsState, pushGraphicsState, rectangle, setGraphicsState, type PDFName, type PDFPage, type PDFRef } from 'pdf-lib';
import type { Level, ProjectDocument } from '../../model/schema.ts';
import { multiply, planArtwork, type Affine, type PlanArtwork, type PlanPlacement } from '../plan-artwork.ts';
import { planPictureDocument } from '../plan-svg.ts';
import type { SvgRasteriser } from '../render/svg-rasteriser.ts';
import type { PlanTransform } from './plan-drawing.ts';
import { compressImage, embedCompressedImage, type CompressedImage } from './raw-image.ts';
import { imageHeaderSize } from '../../import/plan/image-header.ts';

interface EmbeddedPlan {
  ref: PDFRef;
  /** From the embedded object's own space to level metres. */
  toLevel: Affine;
  /** The plan's visible part (its crop), in level metres. */
  clip: PlanPlacement['clip'];
}

export type UnderlayResult = 'drawn' | Extract<PlanArtwork, { kind: 'missing' }>['reason'];

/** Print resolution of rasterised plans: 200 dpi over the widest map (an A3 page's plan box, ≈ 15 inches). */
const RASTER_WIDTH_PX = 3000;

/**
 * Pixels across the rendered plan: print resolution for an SVG plan; a picture's own resolution (over the crop) for a
 * PNG, JPEG or WebP plan, since rendering more pixels than it has adds nothing but time.
 */
function rasterWidth(placement: PlanPlacement): number {
  const picture = placement.picture.kind === 'pdf' ? placement.picture.fallback : placement.picture;
  if (!picture || picture.kind === 'svg' || picture.kind === 'pdf') return RASTER_WIDTH_PX;
  const size = imageHeaderSize(picture.bytes);
  if (!size) return RASTER_WIDTH_PX;
  const { clip, toLevel } = placement;
  // Share of the picture's width the crop keeps (the picture spans widthUnits plan units, scaled by |toLevel|).
  const metresPerUnit = Math.hypot(toLevel[0], toLevel[1]);
  const turned = Math.abs(toLevel[0]) < Math.abs(toLevel[1]);
  const pictureWidthM = (turned ? placement.heightUnits : placement.widthUnits) * metresPerUnit;
  const pixelsAcross = (turned ? size.height : size.width) * ((clip.maxX - clip.minX) / pictureWidthM);
  return Math.max(200, Math.min(RASTER_WIDTH_PX, Math.round(pixelsAcross)));
}

/**
 * Plan pictures rendered once for every document of a delivery (the study report, the analysis and each level's
 * plan file all draw the same plans): SVG, PNG and WebP pictures go through resvg, then are compressed for the PDF.
 */
export class PlanRasters {
  private readonly rasters = new Map<string, { png: Uint8Array; compressed: CompressedImage } | null>();

  constructor(private readonly rasterise: SvgRasteriser | null) {}

  private render(levelId: string, placement: PlanPlacement) {
    if (!this.rasters.has(levelId)) {
      const svg = this.rasterise ? planPictureDocument(placement) : null;
      const rendered = svg && this.rasterise ? this.rasterise.both(svg, rasterWidth(placement)) : null;
      this.rasters.set(levelId, rendered ? { png: rendered.png, compressed: compressImage(rendered.image) } : null);
    }
    return this.rasters.get(levelId)!;
  }

  /** The plan picture over its crop box as a PNG (the ODG and VSDX plans embed it). */
  png(levelId: string, placement: PlanPlacement): Uint8Array | null {
    return this.render(levelId, placement)?.png ?? null;
  }

  get(levelId: string, placement: PlanPlacement): CompressedImage | null {
    return this.render(levelId, placement)?.compressed ?? null;
  }
}

export class PlanUnderlays {
  private readonly embedded = new Map<string, Promise<EmbeddedPlan | UnderlayResult>>();

  constructor(
    private readonly pdf: PDFDocument,
    private readonly document: ProjectDocument,
    private readonly assets: ReadonlyMap<string, Uint8Array>,
    private readonly rasters: PlanRasters,
  ) {}

  async draw(page: PDFPage, level: Level, transform: PlanTransform): Promise<UnderlayResult> {
    let pending = this.embedded.get(level.id);
    if (!pending) {
      pending = this.embed(level);
      this.embedded.set(level.id, pending);
    }
    const plan = await pending;
    if (typeof plan === 'string') return plan;
    const origin = transform.toPage(0, 0);
    const toPage: Affine = [transform.scale, 0, 0, -transform.scale, origin.x, origin.y];
    const clipBox = plan.clip;
    const box = transform.box;
    const name: PDFName = page.node.newXObject('Plan', plan.ref);
    const blend: PDFName = page.node.newExtGState('GS', this.pdf.context.obj({ Type: 'ExtGState', BM: 'Multiply' }));
    const operators = [pushGraphicsState(), rectangle(box.x, box.y, box.width, box.height), clip(), endPath()];
    const a = transform.toPage(clipBox.minX, clipBox.maxY);
    const b = transform.toPage(clipBox.maxX, clipBox.minY);
    operators.push(rectangle(a.x, a.y, b.x - a.x, b.y - a.y), clip(), endPath());
    operators.push(setGraphicsState(blend), concatTransformationMatrix(...multiply(toPage, plan.toLevel)), drawObject(name), popGraphicsState());
    page.pushOperators(...operators);
    return 'drawn';
  }

  /** Resolved and embedded once per level and document, then reused by every map of that level. */
  private async embed(level: Level): Promise<EmbeddedPlan | UnderlayResult> {
    const artwork = planArtwork(this.document, level, this.assets);
    if (artwork.kind === 'missing') return artwork.reason;
    const { placement } = artwork;
    if (placement.picture.kind === 'pdf') {
      const page = await this.embedPdfPage(placement).catch(() => null);
      if (page) return page;
      if (!placement.picture.fallback) return 'unsupported';
      return this.embedPicture(level.id, { ...placement, picture: placement.picture.fallback });
    }
    return this.embedPicture(level.id, placement);
  }

  /** A PDF plan's page, vector. Pages turned by /Rotate or whose box differs from the plan's size fall back to the picture. */
  private async embedPdfPage(placement: PlanPlacement): Promise<EmbeddedPlan | null> {
    if (placement.picture.kind !== 'pdf') return null;
    const source = await PDFDocument.load(placement.picture.bytes, { updateMetadata: false });
    const page = source.getPage(placement.picture.pageIndex);
    if (page.getRotation().angle % 360 !== 0) return null;
    const box = page.getCropBox();
    if (Math.abs(box.width - placement.widthUnits) > 1 || Math.abs(box.height - placement.heightUnits) > 1) return null;
    const embedded = await this.pdf.embedPage(page, { left: box.x, bottom: box.y, right: box.x + box.width, top: box.y + box.height });
    // The form's matrix moves the box's corner to the origin; form space (points, y up) → plan units (y down) → level metres.
    return { ref: embedded.ref, toLevel: multiply(placement.toLevel, [1, 0, 0, -1, 0, box.height]), clip: placement.clip };
  }

  private async embedPicture(levelId: string, placement: PlanPlacement): Promise<EmbeddedPlan | UnderlayResult> {
    if (placement.picture.kind === 'jpeg') {
      try {
        const image = await this.pdf.embedJpg(placement.picture.bytes);
        // Image space is the unit square, y up → plan units (y down).
        return { ref: image.ref, toLevel: multiply(placement.toLevel, [placement.widthUnits, 0, 0, -placement.heightUnits, 0, placement.heightUnits]), clip: placement.clip };
      } catch {
        // A JPEG pdf-lib cannot pass through (CMYK, progressive) goes through the renderer below.
      }
    }
    const raster = this.rasters.get(levelId, placement);
    if (!raster) return 'unsupported';
    const { clip: box } = placement;
    // The raster covers the crop box, in level metres.
    return { ref: embedCompressedImage(this.pdf, raster), toLevel: [box.maxX - box.minX, 0, 0, -(box.maxY - box.minY), box.minX, box.maxY], clip: box };
  }
}
