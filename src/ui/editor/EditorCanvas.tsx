import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { Layer, Shape, Stage } from 'react-konva';
import type Konva from 'konva';
import type { ColourScale } from '../../../propagation/layers/colour-scale.ts';
import type { Editor } from '../../editor/editor.ts';
import { AP_PICK_RADIUS_PX } from '../../editor/hit-test.ts';
import type { PointerInput } from '../../editor/tool.ts';
import { fitExtent, toWorld, zoomAt, type Viewport } from '../../editor/viewport.ts';
import { t } from '../../i18n/index.ts';
import { levelExtentM } from '../../model/level-extent.ts';
import { displayMetersPerUnit } from '../../model/plan-scale.ts';
import { levelBelow } from '../../model/level-stack.ts';
import type { Level, PointM, ProjectDocument } from '../../model/schema.ts';
import type { LayerResult } from '../../../workers/engine-client.ts';
import { drawAccessPoints, drawAreas, drawSelection, drawSources, drawSurveyPoints, drawWalls } from './draw/draw-level.ts';
import { drawOverlay, drawRejectedLines, drawSuggestions, drawWalk } from './draw/draw-overlay.ts';
import type { WalkProfile } from '../../../propagation/planning/client-walk.ts';
import { pickLevel } from './draw/plan-pyramid.ts';
import { drawPlanImage } from './draw/draw-plan.ts';
import { heatmapImage } from './heatmap-image.ts';
import { useEditorState } from './use-editor.ts';
import { useElementSize } from './use-element-size.ts';
import { DEFAULT_PLAN_DISPLAY, type PlanDisplay } from './plan-display.ts';
import { usePlanPyramid } from './use-plan-pyramid.ts';
import { usePdfDetail } from './use-pdf-detail.ts';
import { HoverReadout } from './HoverReadout.tsx';

const SNAP_RADIUS_PX = 8;
const raw = (context: Konva.Context) => (context as unknown as { _context: CanvasRenderingContext2D })._context;

export interface HeatmapView {
  result: LayerResult | null;
  scale: ColourScale;
  opacity: number;
  /** The building's outline (m) the map is clipped to; empty: not clipped. */
  clip?: readonly PointM[];
}

interface Props {
  editor: Editor;
  document: ProjectDocument;
  level: Level;
  heatmap: HeatmapView;
  showLevelBelow: boolean;
  /** The client walk to draw (path coloured by serving AP, handover points). */
  walk?: WalkProfile | null;
  fitRequest: number;
  onViewportChange?: (view: Viewport, size: { width: number; height: number }) => void;
  /** The plan's opacity and grey rendering for this level (a view preference). */
  planDisplay?: PlanDisplay;
}

/**
 * The interactive plan: four stacked canvases (plan, heatmap, content, tool overlay), each drawn by one shape, with
 * no per-object nodes and no Konva hit graph: picking is done by the editor's own hit test in level coordinates.
 */
interface HoverState {
  hover: { screenX: number; screenY: number; x: number; y: number } | null;
}

function LiveHoverReadout({ store, document, result, canvas }: { store: StoreApi<HoverState>; document: ProjectDocument; result: LayerResult | null; canvas: { width: number; height: number } }) {
  const hover = useStore(store, (state) => state.hover);
  return hover ? <HoverReadout document={document} result={result} hover={hover} canvas={canvas} /> : null;
}

/** Quiet time after the last pan or zoom event before the view is reported to the panels. */
const VIEW_SETTLE_MS = 120;

export function EditorCanvas({ editor, document, level, heatmap, showLevelBelow, fitRequest, onViewportChange, walk = null, planDisplay = DEFAULT_PLAN_DISPLAY }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(host);
  const [view, setView] = useState<Viewport | null>(null);
  // The cursor's position lives in its own store read by the readout alone: a pointer move re-renders the readout,
  // not the canvas and its layers.
  const hoverStore = useMemo(() => createStore<HoverState>()(() => ({ hover: null })), []);
  const setHover = (hover: HoverState['hover']) => hoverStore.setState({ hover });
  const panning = useRef<{ start: { x: number; y: number }; view: Viewport } | null>(null);
  const spaceHeld = useRef(false);
  const selection = useEditorState(editor, (state) => state.selection);
  const overlay = useEditorState(editor, (state) => state.overlay);
  const tool = useEditorState(editor, (state) => state.tool);
  const suggestions = useEditorState(editor, (state) => state.suggestions);
  const rejectedLines = useEditorState(editor, (state) => (state.showRejected ? state.rejectedLines : null));
  const pyramid = usePlanPyramid(level.plan?.assetSha256 ?? null);
  const detail = usePdfDetail(level, view, width, height);
  const selected = useMemo(() => new Set(selection), [selection]);
  const mpu = displayMetersPerUnit(level);

  const fit = useCallback(() => {
    if (width > 0 && height > 0) setView(fitExtent(levelExtentM(document, level), width, height));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refit on size, level and explicit requests only
  }, [width, height, level.id, level.metersPerUnit, level.plan?.assetSha256, level.plan?.rotationDeg, level.plan?.crop]);
  useEffect(fit, [fit, fitRequest]);
  // The rest of the editor (accept-in-view, printed scale) hears of the view once a gesture settles, not on every
  // wheel or pointer event: re-rendering every panel per event cost frames and could feed back into the layout.
  useEffect(() => {
    if (!view) return;
    const timer = setTimeout(() => onViewportChange?.(view, { width, height }), VIEW_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [view, onViewportChange, width, height]);

  const below = useMemo(() => (showLevelBelow || tool === 'align' ? levelBelow(document, level) : null), [document, level, showLevelBelow, tool]);

  const belowPyramid = usePlanPyramid(below?.plan?.assetSha256 ?? null);
  const heatmapCanvas = useMemo(() => (heatmap.result ? heatmapImage(heatmap.result, heatmap.scale, 1) : null), [heatmap.result, heatmap.scale]);

  const scale = view?.scale ?? 1;
  const planScene = useCallback(
    (context: Konva.Context) => {
      const ctx = raw(context);
      ctx.save();
      ctx.globalAlpha = planDisplay.opacity;
      // Canvas filters are in Chromium and Firefox; elsewhere the plan stays in colour.
      if (planDisplay.greyscale && 'filter' in ctx) ctx.filter = 'grayscale(1)';
      if (pyramid && level.plan) drawPlanImage(ctx, pickLevel(pyramid, level.plan.widthUnits * mpu * scale), level);
      if (detail && level.plan) drawPlanImage(ctx, detail.canvas, level, detail.region);
      ctx.restore();
      if (below) {
        // The level below in this level's frame: p_this = R⁻¹ (p_below − offset).
        const alignment = level.alignment ?? { offsetXM: 0, offsetYM: 0, rotationDeg: 0 };
        ctx.save();
        ctx.globalAlpha = 0.3;
        ctx.rotate((-alignment.rotationDeg * Math.PI) / 180);
        ctx.translate(-alignment.offsetXM, -alignment.offsetYM);
        if (belowPyramid && below.plan) drawPlanImage(ctx, pickLevel(belowPyramid, below.plan.widthUnits * displayMetersPerUnit(below) * scale), below);
        drawAreas(ctx, document, below.id, scale);
        drawWalls(ctx, document, below.id, scale);
        ctx.restore();
      }
    },
    [pyramid, detail, level, mpu, scale, below, belowPyramid, document, planDisplay],
  );
  const heatmapScene = useCallback(
    (context: Konva.Context) => {
      if (!heatmapCanvas || !heatmap.result) return;
      const ctx = raw(context);
      const { originX, originY, resolutionM, nx, ny } = heatmap.result.grid;
      ctx.save();
      const clip = heatmap.clip ?? [];
      if (clip.length >= 3) {
        ctx.beginPath();
        clip.forEach((point, index) => (index === 0 ? ctx.moveTo(point.xM, point.yM) : ctx.lineTo(point.xM, point.yM)));
        ctx.closePath();
        ctx.clip();
      }
      ctx.globalAlpha = heatmap.opacity;
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(heatmapCanvas, originX, originY, nx * resolutionM, ny * resolutionM);
      ctx.restore();
    },
    [heatmapCanvas, heatmap.result, heatmap.opacity, heatmap.clip],
  );
  const contentScene = useCallback(
    (context: Konva.Context) => {
      const ctx = raw(context);
      drawAreas(ctx, document, level.id, scale);
      drawWalls(ctx, document, level.id, scale);
      drawSurveyPoints(ctx, document, level.id, scale);
      drawSelection(ctx, document, level.id, scale, selected);
      drawAccessPoints(ctx, document, level.id, scale, selected);
      drawSources(ctx, document, level.id, scale, selected);
    },
    [document, level.id, scale, selected],
  );
  const overlayScene = useCallback(
    (context: Konva.Context) => {
      if (rejectedLines) drawRejectedLines(raw(context), rejectedLines, scale);
      if (suggestions) drawSuggestions(raw(context), suggestions, scale);
      if (walk) drawWalk(raw(context), walk, scale);
      drawOverlay(raw(context), overlay, scale);
    },
    [overlay, scale, suggestions, rejectedLines, walk],
  );

  const input = (event: { clientX: number; clientY: number; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): PointerInput | null => {
    if (!view || !host.current) return null;
    const rect = host.current.getBoundingClientRect();
    const point = toWorld(view, { x: event.clientX - rect.left, y: event.clientY - rect.top });
    return { point, shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey, alt: event.altKey, toleranceM: SNAP_RADIUS_PX / view.scale, apRadiusM: AP_PICK_RADIUS_PX / view.scale };
  };

  const onPointerDown = (event: React.PointerEvent) => {
    host.current?.focus();
    if (!view) return;
    if (event.button === 1 || (event.button === 0 && (spaceHeld.current || tool === 'pan'))) {
      panning.current = { start: { x: event.clientX, y: event.clientY }, view };
      host.current?.setPointerCapture(event.pointerId);
      return;
    }
    if (event.button !== 0) return;
    const pointer = input(event);
    if (!pointer) return;
    host.current?.setPointerCapture(event.pointerId);
    if (event.detail >= 2) editor.doubleClick(pointer);
    else editor.pointerDown(pointer);
  };
  const onPointerMove = (event: React.PointerEvent) => {
    if (panning.current) {
      const { start, view: from } = panning.current;
      setView({ ...from, x: from.x + event.clientX - start.x, y: from.y + event.clientY - start.y });
      return;
    }
    const pointer = input(event);
    if (!pointer || !host.current) return;
    const rect = host.current.getBoundingClientRect();
    setHover({ screenX: event.clientX - rect.left, screenY: event.clientY - rect.top, x: pointer.point.x, y: pointer.point.y });
    editor.pointerMove(pointer);
  };
  const onPointerUp = (event: React.PointerEvent) => {
    if (panning.current) {
      panning.current = null;
      return;
    }
    const pointer = input(event);
    if (pointer && event.button === 0) editor.pointerUp(pointer);
  };
  const onWheel = (event: React.WheelEvent) => {
    if (!view || !host.current) return;
    const rect = host.current.getBoundingClientRect();
    const factor = Math.pow(1.0015, -event.deltaY);
    setView(zoomAt(view, factor, { x: event.clientX - rect.left, y: event.clientY - rect.top }));
  };

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // React's wheel listener is passive; the page must not scroll while zooming the plan.
    const prevent = (event: WheelEvent) => event.preventDefault();
    element.addEventListener('wheel', prevent, { passive: false });
    return () => element.removeEventListener('wheel', prevent);
  }, []);

  useEffect(() => {
    const isField = (target: EventTarget | null) => target instanceof HTMLElement && (target.closest('input, textarea, select, dialog, [contenteditable]') !== null);
    const down = (event: KeyboardEvent) => {
      if (isField(event.target)) return;
      if (event.key === ' ') {
        spaceHeld.current = true;
        event.preventDefault();
        return;
      }
      if (event.key === '0' && !event.ctrlKey) {
        fit();
        event.preventDefault();
        return;
      }
      const hovered = hoverStore.getState().hover;
      if ((event.key === 'l' || event.key === 'L') && !event.ctrlKey && !event.metaKey && hovered) {
        editor.state.setState({ analysisPoint: { x: hovered.x, y: hovered.y } });
        event.preventDefault();
        return;
      }
      if (editor.keyDown({ key: event.key, shift: event.shiftKey, ctrl: event.ctrlKey || event.metaKey })) event.preventDefault();
    };
    const up = (event: KeyboardEvent) => {
      if (event.key === ' ') spaceHeld.current = false;
    };
    // Capture phase: the editor sees its keys before the app-wide undo shortcut, which skips handled events.
    window.addEventListener('keydown', down, true);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down, true);
      window.removeEventListener('keyup', up);
    };
  }, [editor, fit, hoverStore]);

  const cursor = tool === 'pan' || panning.current ? 'grab' : tool === 'select' ? 'default' : 'crosshair';
  return (
    <div
      className="canvas-host editor-canvas"
      ref={host}
      tabIndex={0}
      role="application"
      aria-label={t('editor.canvasLabel', { level: level.name })}
      aria-describedby="editor-status"
      data-testid="editor-canvas"
      data-viewport={view ? `${view.scale} ${view.x} ${view.y}` : undefined}
      style={{ cursor }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => setHover(null)}
      onWheel={onWheel}
      onContextMenu={(event) => event.preventDefault()}
    >
      {!level.plan && <p className="canvas-hint">{t('editor.noPlan')}</p>}
      {width > 0 && height > 0 && view && (
        <Stage width={width} height={height} listening={false}>
          {[planScene, heatmapScene, contentScene, overlayScene].map((scene, index) => (
            <Layer key={index} listening={false} x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
              <Shape sceneFunc={scene} listening={false} perfectDrawEnabled={false} />
            </Layer>
          ))}
        </Stage>
      )}
      <LiveHoverReadout store={hoverStore} document={document} result={heatmap.result} canvas={{ width, height }} />
    </div>
  );
}
