import { useEffect, useRef, type ReactNode } from 'react';
import type { ColourScale } from '../../../propagation/layers/colour-scale.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { beginMetreSheet, drawPlanImage } from '../editor/draw/draw-plan.ts';
import { heatmapImage } from '../editor/heatmap-image.ts';
import { useAssetImage } from '../editor/use-asset-image.ts';

/** Drawing density of the preview: sharp enough for the plan's text at full width. */
const PIXELS_PER_M = 30;

interface Props {
  document: ProjectDocument;
  result: LayerResult;
  scale: ColourScale;
  label: string;
  /** APs drawn in orange (e.g. those a proposal adds); the others in blue. */
  highlightedApIds?: readonly string[];
  testId?: string;
  children: ReactNode;
}

/** A computed layer over the level's plan with its APs, as a figure whose caption is the legend given as children. */
export function ResultHeatmap({ document, result, scale, label, highlightedApIds = [], testId = 'heatmap', children }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const level = document.levels.find((candidate) => candidate.id === result.levelId);
  const plan = useAssetImage(level?.plan?.assetSha256 ?? null);
  useEffect(() => {
    const target = canvas.current;
    if (!target) return;
    const { grid } = result;
    const cellPixels = PIXELS_PER_M * grid.resolutionM;
    target.width = Math.round(grid.nx * cellPixels);
    target.height = Math.round(grid.ny * cellPixels);
    const context = target.getContext('2d')!;
    const pxPerM = cellPixels / grid.resolutionM;
    beginMetreSheet(context, pxPerM, grid.originX, grid.originY);
    if (plan && level?.plan && level.metersPerUnit) drawPlanImage(context, plan, level);
    context.restore();
    context.imageSmoothingEnabled = true;
    context.drawImage(heatmapImage(result, scale, 150 / 255), 0, 0, target.width, target.height);
    const highlighted = new Set(highlightedApIds);
    for (const ap of document.accessPoints.filter((candidate) => candidate.levelId === result.levelId)) {
      context.beginPath();
      context.arc((ap.position.xM - grid.originX) * pxPerM, (ap.position.yM - grid.originY) * pxPerM, highlighted.has(ap.id) ? 8 : 6, 0, 2 * Math.PI);
      context.fillStyle = highlighted.has(ap.id) ? '#e8590c' : '#0b5cad';
      context.fill();
      context.lineWidth = 2;
      context.strokeStyle = '#fff';
      context.stroke();
    }
  }, [result, plan, level, document.accessPoints, scale, highlightedApIds]);
  return (
    <figure className="heatmap">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
      <figcaption>{children}</figcaption>
    </figure>
  );
}
