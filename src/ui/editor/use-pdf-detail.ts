import { useEffect, useState } from 'react';
import { useServices } from '../../app/app-services.ts';
import type { Viewport } from '../../editor/viewport.ts';
import { loadPdfJs } from '../../import/plan/pdf-plan.ts';
import { PDF_RENDER_MAX_SCALE, PDF_RENDER_MAX_SIDE_PX } from '../../import/plan/plan-limits.ts';
import { unturnPoint } from '../../model/plan-frame.ts';
import { displayMetersPerUnit } from '../../model/plan-scale.ts';
import type { Level } from '../../model/schema.ts';
import type { PlanRegion } from './draw/draw-plan.ts';

/** Wait for the view to settle before rendering (a pan or zoom in progress keeps the stored picture). */
const SETTLE_MS = 180;

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']>['getPage']>>;

/**
 * When the view is zoomed past the stored rendering of a PDF plan, the visible part of the page is rendered again
 * from the PDF at screen resolution (one tile the size of the canvas), so lines stay sharp at any zoom.
 */
export function usePdfDetail(level: Level, view: Viewport | null, width: number, height: number): { canvas: HTMLCanvasElement; region: PlanRegion } | null {
  const { db } = useServices();
  const [page, setPage] = useState<PdfPage | null>(null);
  const [detail, setDetail] = useState<{ canvas: HTMLCanvasElement; region: PlanRegion } | null>(null);
  const plan = level.plan;
  const source = plan?.format === 'pdf' ? plan.sourceSha256 : null;
  const pageNumber = plan?.page ?? 1;

  useEffect(() => {
    setPage(null);
    if (!source) return;
    let live = true;
    let destroy: (() => void) | null = null;
    void (async () => {
      const asset = await db.getAsset(source);
      if (!asset || !live) return;
      const pdfjs = await loadPdfJs();
      const task = pdfjs.getDocument({ data: new Uint8Array(asset.bytes.slice(0)), isEvalSupported: false });
      destroy = () => void task.destroy();
      const pdf = await task.promise;
      const loaded = await pdf.getPage(pageNumber);
      if (live) setPage(loaded);
    })().catch(() => undefined); // the stored picture stays: detail is a bonus
    return () => {
      live = false;
      destroy?.();
    };
  }, [db, source, pageNumber]);

  useEffect(() => {
    if (!page || !plan || !view || width === 0 || height === 0) return setDetail(null);
    const mpu = displayMetersPerUnit(level);
    const screenPxPerUnit = view.scale * mpu;
    const storedPxPerUnit = Math.min(PDF_RENDER_MAX_SCALE, PDF_RENDER_MAX_SIDE_PX / Math.max(plan.widthUnits, plan.heightUnits));
    if (screenPxPerUnit <= storedPxPerUnit * 1.05) return setDetail(null);
    let renderTask: { cancel(): void; promise: Promise<void> } | null = null;
    const timer = setTimeout(() => {
      // Visible part of the picture, in picture units (the screen corners unturned), clamped to the page.
      const corners = [
        [0, 0],
        [width, 0],
        [0, height],
        [width, height],
      ].map(([x, y]) => unturnPoint(plan, (x! - view.x) / view.scale / mpu, (y! - view.y) / view.scale / mpu));
      const u0 = Math.max(0, Math.min(...corners.map((c) => c.x)));
      const v0 = Math.max(0, Math.min(...corners.map((c) => c.y)));
      const u1 = Math.min(plan.widthUnits, Math.max(...corners.map((c) => c.x)));
      const v1 = Math.min(plan.heightUnits, Math.max(...corners.map((c) => c.y)));
      if (u1 <= u0 || v1 <= v0) return setDetail(null);
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil((u1 - u0) * screenPxPerUnit);
      canvas.height = Math.ceil((v1 - v0) * screenPxPerUnit);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      const viewport = page.getViewport({ scale: screenPxPerUnit });
      renderTask = page.render({ canvas, canvasContext: context, viewport, transform: [1, 0, 0, 1, -u0 * screenPxPerUnit, -v0 * screenPxPerUnit] });
      renderTask.promise.then(
        () => setDetail({ canvas, region: { u: u0, v: v0, width: canvas.width / screenPxPerUnit, height: canvas.height / screenPxPerUnit } }),
        () => undefined, // cancelled by a newer view
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      renderTask?.cancel();
    };
  }, [page, plan, level, view, width, height]);

  return detail;
}
