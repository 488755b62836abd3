import { useEffect, useMemo, useRef, useState } from 'react';
import { colourise, DEFAULT_SCALES } from '../../../propagation/layers/colour-scale.ts';
import { defaultReach, mergeCoincident } from '../../../propagation/survey/interpolate.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { levelGrid } from '../../engine/level-grid.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Band, ProjectDocument } from '../../model/schema.ts';
import { drawPlanImage } from '../editor/draw/draw-plan.ts';
import { useAssetImage } from '../editor/use-asset-image.ts';

const PIXELS_PER_M = 24;

/** Best measured signal of the band at each point of the level's datasets (device offsets applied). */
export function bestPerPoint(document: ProjectDocument, levelId: string, band: Band) {
  const xs: number[] = [];
  const ys: number[] = [];
  const values: number[] = [];
  for (const dataset of document.surveys.filter((candidate) => candidate.levelId === levelId))
    for (const point of dataset.points) {
      const levels = point.readings.filter((reading) => reading.band === band).map((reading) => reading.rssiDbm + dataset.deviceOffsetDb);
      if (levels.length === 0) continue;
      xs.push(point.position.xM);
      ys.push(point.position.yM);
      values.push(Math.max(...levels));
    }
  return { xs, ys, values };
}

type MapResult = { map: Float32Array; samples: number; idwRmseDb: number; krigingRmseDb: number; grid: ReturnType<typeof levelGrid> };

/** The measured map (kriging or IDW in the engine worker), clipped to where people measured, over the plan. */
export function MeasuredMap({ document, levelId, band }: { document: ProjectDocument; levelId: string; band: Band }) {
  const [method, setMethod] = useState<'krigeage' | 'idw'>('krigeage');
  const [result, setResult] = useState<MapResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const level = document.levels.find((candidate) => candidate.id === levelId)!;
  const plan = useAssetImage(level.plan?.assetSha256 ?? null);
  const points = useMemo(() => bestPerPoint(document, levelId, band), [document, levelId, band]);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (points.values.length === 0) return;
    let live = true;
    let grid;
    try {
      grid = levelGrid(document, levelId, Math.max(0.5, document.prediction.gridResolutionM));
    } catch (caught) {
      setError((caught as Error).message);
      return;
    }
    const reachM = defaultReach(mergeCoincident(points.xs, points.ys, points.values));
    void engine()
      .measuredMap(Float64Array.from(points.xs), Float64Array.from(points.ys), Float64Array.from(points.values), grid, { method, reachM })
      .then((computed) => live && setResult({ ...computed, grid }))
      .catch((caught: unknown) => live && setError((caught as Error).message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recompute when the points, the level or the method change
  }, [points, levelId, method]);

  useEffect(() => {
    const target = canvas.current;
    if (!target || !result) return;
    const { grid } = result;
    target.width = Math.round(grid.nx * grid.resolutionM * PIXELS_PER_M);
    target.height = Math.round(grid.ny * grid.resolutionM * PIXELS_PER_M);
    const context = target.getContext('2d')!;
    context.fillStyle = '#fff';
    context.fillRect(0, 0, target.width, target.height);
    context.save();
    context.scale(PIXELS_PER_M, PIXELS_PER_M);
    context.translate(-grid.originX, -grid.originY);
    if (plan && level.plan) drawPlanImage(context, plan, level);
    const cells = createCanvas(grid.nx, grid.ny);
    const values = Float32Array.from(result.map, (value) => (Number.isFinite(value) ? value : -200));
    cells.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(colourise(values, DEFAULT_SCALES.rssi, 170).buffer as ArrayBuffer), grid.nx, grid.ny), 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(cells, grid.originX, grid.originY, grid.nx * grid.resolutionM, grid.ny * grid.resolutionM);
    context.fillStyle = '#1b1b1b';
    for (let index = 0; index < points.xs.length; index++) {
      context.beginPath();
      context.arc(points.xs[index]!, points.ys[index]!, 2.5 / PIXELS_PER_M, 0, 2 * Math.PI);
      context.fill();
    }
    context.restore();
  }, [result, plan, level, points]);

  if (points.values.length === 0) return <p className="muted">{t('audit.map.noPoints')}</p>;
  return (
    <figure className="heatmap">
      <div className="toolbar">
        <label>
          {t('audit.map.method')}{' '}
          <select value={method} onChange={(event) => setMethod(event.target.value as 'krigeage' | 'idw')}>
            <option value="krigeage">{t('audit.map.kriging')}</option>
            <option value="idw">{t('audit.map.idw')}</option>
          </select>
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      <canvas ref={canvas} role="img" aria-label={t('audit.map.label', { band: band.replace('.', ',') })} data-testid="measured-map" />
      {result && (
        <figcaption data-testid="measured-map-caption">
          {t('audit.map.caption', { points: formatNumber(result.samples), kriging: formatNumber(result.krigingRmseDb, 1), idw: formatNumber(result.idwRmseDb, 1) })}
        </figcaption>
      )}
    </figure>
  );
}

function createCanvas(width: number, height: number): HTMLCanvasElement {
  const element = document.createElement('canvas');
  element.width = width;
  element.height = height;
  return element;
}
