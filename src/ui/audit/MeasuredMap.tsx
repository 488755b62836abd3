import { useEffect, useMemo, useRef, useState } from 'react';
import { colourise, DEFAULT_SCALES, DIFFERENCE_SCALE } from '../../../propagation/layers/colour-scale.ts';
import { NO_SIGNAL_DBM } from '../../../propagation/scene/types.ts';
import { layerRequest } from '../../engine/layer-request.ts';
import { useRadioScene } from '../use-radio-scene.ts';
import { defaultReach, mergeCoincident } from '../../../propagation/survey/interpolate.ts';
import { engine } from '../../engine/engine-singleton.ts';
import { levelGrid } from '../../engine/level-grid.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { Band, ProjectDocument } from '../../model/schema.ts';
import { beginMetreSheet, drawPlanImage } from '../editor/draw/draw-plan.ts';
import { pointInPolygon } from '../../editor/geometry.ts';
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

type MapResult = { map: Float32Array; samples: number; idwRmseDb: number; krigingRmseDb: number; grid: ReturnType<typeof levelGrid>; predicted: Float32Array | null };

/** The measured map (kriging or IDW in the engine worker), clipped to where people measured, over the plan. */
export function MeasuredMap({ document, levelId, band }: { document: ProjectDocument; levelId: string; band: Band }) {
  const [method, setMethod] = useState<'krigeage' | 'idw'>('krigeage');
  const [view, setView] = useState<'mesure' | 'ecart' | 'exigence'>('mesure');
  const scene = useRadioScene(document);
  const hasRadios = document.accessPoints.some((ap) => ap.levelId === levelId && ap.radios.some((radio) => radio.enabled && radio.band === band));
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
    const client = engine();
    // The prediction on the same grid, for the difference map (the last, full-resolution result of the engine).
    const predicted = async (): Promise<Float32Array | null> => {
      if (view !== 'ecart' || !hasRadios) return null;
      let values: Float32Array | null = null;
      await client.setScene(scene);
      await client.compute(layerRequest(document, levelId, band, 'rssi', grid, 1), (next) => void (values = next.values));
      return values;
    };
    void Promise.all([client.measuredMap(Float64Array.from(points.xs), Float64Array.from(points.ys), Float64Array.from(points.values), grid, { method, reachM }), predicted()])
      .then(([computed, prediction]) => live && setResult({ ...computed, grid, predicted: prediction }))
      .catch((caught: unknown) => live && setError((caught as Error).message));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recompute when the points, the level or the method change
  }, [points, levelId, method, view, scene, hasRadios]);

  useEffect(() => {
    const target = canvas.current;
    if (!target || !result) return;
    const { grid } = result;
    target.width = Math.round(grid.nx * grid.resolutionM * PIXELS_PER_M);
    target.height = Math.round(grid.ny * grid.resolutionM * PIXELS_PER_M);
    const context = target.getContext('2d')!;
    beginMetreSheet(context, PIXELS_PER_M, grid.originX, grid.originY);
    if (plan && level.plan) drawPlanImage(context, plan, level);
    const cells = createCanvas(grid.nx, grid.ny);
    const predicted = result.predicted;
    const values = Float32Array.from(result.map, (value, index) => {
      if (!Number.isFinite(value)) return NO_SIGNAL_DBM;
      if (!predicted) return value;
      const prediction = predicted[index]!;
      return prediction > NO_SIGNAL_DBM ? value - prediction : NO_SIGNAL_DBM;
    });
    const scale = predicted ? DIFFERENCE_SCALE : DEFAULT_SCALES.rssi;
    const pixels = view === 'exigence' ? passFailPixels(document, levelId, result.map, grid) : colourise(values, scale, 190);
    cells.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer as ArrayBuffer), grid.nx, grid.ny), 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(cells, grid.originX, grid.originY, grid.nx * grid.resolutionM, grid.ny * grid.resolutionM);
    // The walk: points in the order they were taken, then the points themselves.
    context.strokeStyle = 'rgba(27, 27, 27, 0.35)';
    context.lineWidth = 1 / PIXELS_PER_M;
    context.beginPath();
    for (let index = 0; index < points.xs.length; index++) (index === 0 ? context.moveTo : context.lineTo).call(context, points.xs[index]!, points.ys[index]!);
    context.stroke();
    context.fillStyle = '#1b1b1b';
    for (let index = 0; index < points.xs.length; index++) {
      context.beginPath();
      context.arc(points.xs[index]!, points.ys[index]!, 2.5 / PIXELS_PER_M, 0, 2 * Math.PI);
      context.fill();
    }
    context.restore();
  }, [result, plan, level, points, view, document, levelId]);

  if (points.values.length === 0) return <p className="muted">{t('audit.map.noPoints')}</p>;
  return (
    <figure className="heatmap">
      <div className="toolbar">
        <label>
          {t('audit.map.view')}{' '}
          <select value={view} onChange={(event) => setView(event.target.value as 'mesure' | 'ecart' | 'exigence')} data-testid="measured-map-view">
            <option value="mesure">{t('audit.map.measured')}</option>
            <option value="ecart" disabled={!hasRadios}>
              {t('audit.map.difference')}
            </option>
            <option value="exigence">{t('audit.map.requirement')}</option>
          </select>
        </label>
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
          <span className="legend-bar" style={{ background: view === 'exigence' ? 'linear-gradient(to right, rgb(200, 40, 40) 50%, rgb(40, 150, 70) 50%)' : `linear-gradient(to right, ${(result.predicted ? DIFFERENCE_SCALE : DEFAULT_SCALES.rssi).stops.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`).join(', ')})` }} aria-hidden="true" />
          <span className="legend-ends">
            <span>{view === 'exigence' ? t('audit.map.fails') : result.predicted ? t('audit.map.worse') : formatNumber(DEFAULT_SCALES.rssi.min)}</span>
            <span>{view === 'exigence' ? t('audit.map.meets') : result.predicted ? t('audit.map.better') : formatNumber(DEFAULT_SCALES.rssi.max)}</span>
          </span>
          {t('audit.map.caption', { points: formatNumber(result.samples), kriging: formatNumber(result.krigingRmseDb, 1), idw: formatNumber(result.idwRmseDb, 1) })}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * Pass/fail of the measured map against the requirement of the zone each cell lies in (primary signal of its
 * profile): green meets, red fails, nothing outside zones or outside the surveyed area.
 */
function passFailPixels(document: ProjectDocument, levelId: string, map: Float32Array, grid: ReturnType<typeof levelGrid>): Uint8Array {
  const out = new Uint8Array(map.length * 4);
  const profiles = new Map(document.requirementProfiles.map((profile) => [profile.id, profile]));
  const zones = document.coverageZones
    .filter((zone) => zone.levelId === levelId)
    .map((zone) => ({ polygon: zone.polygon.map((point) => ({ x: point.xM, y: point.yM })), threshold: profiles.get(zone.requirementProfileId)?.minPrimaryRssiDbm ?? -67 }));
  for (let row = 0; row < grid.ny; row++)
    for (let column = 0; column < grid.nx; column++) {
      const index = row * grid.nx + column;
      const value = map[index]!;
      if (!Number.isFinite(value)) continue;
      const p = { x: grid.originX + (column + 0.5) * grid.resolutionM, y: grid.originY + (row + 0.5) * grid.resolutionM };
      const zone = zones.find((candidate) => pointInPolygon(p, candidate.polygon));
      if (!zone) continue;
      const meets = value >= zone.threshold;
      out.set(meets ? [40, 150, 70, 190] : [200, 40, 40, 190], index * 4);
    }
  return out;
}

function createCanvas(width: number, height: number): HTMLCanvasElement {
  const element = document.createElement('canvas');
  element.width = width;
  element.height = height;
  return element;
}
