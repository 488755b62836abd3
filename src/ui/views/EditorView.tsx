import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_SCALES, SOURCE_SCALE } from '../../../propagation/layers/colour-scale.ts';
import { DEFAULT_ROAMING_CLIENT } from '../../../propagation/layers/band-layers.ts';
import { useSourceImpact } from '../editor/use-source-impact.ts';
import { useServices, useUiStore } from '../../app/app-services.ts';
import { usePlanDisplay } from '../editor/plan-display.ts';
import { buildingOutline } from '../../model/building-outline.ts';
import { Editor } from '../../editor/editor.ts';
import type { Segment } from '../../editor/geometry.ts';
import { bandsInUse } from '../../engine/layer-request.ts';
import { t } from '../../i18n/index.ts';
import { newId } from '../../model/ids.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { PredictionSettingsPanel } from '../editor/PredictionSettingsPanel.tsx';
import { StudyForm } from '../editor/StudyForm.tsx';
import { LevelList } from '../editor/LevelList.tsx';
import { EditorCanvas } from '../editor/EditorCanvas.tsx';
import { EditorToolbar } from '../editor/EditorToolbar.tsx';
import { PropertiesPanel } from '../editor/PropertiesPanel.tsx';
import { HeatmapPanel, type HeatmapSettings } from '../editor/HeatmapPanel.tsx';
import { ShortcutsPanel } from '../editor/ShortcutsPanel.tsx';
import { CalibrationDialog } from '../editor/CalibrationDialog.tsx';
import { SurveyPointDialog } from '../editor/SurveyPointDialog.tsx';
import { WalkPanel } from '../editor/WalkPanel.tsx';
import type { WalkProfile } from '../../../propagation/planning/client-walk.ts';
import { PlanImport } from '../editor/PlanImport.tsx';
import { PointBudgetPanel } from '../editor/PointBudgetPanel.tsx';
import { WallSuggestions } from '../editor/WallSuggestions.tsx';
import { toWorld } from '../../editor/viewport.ts';
import { EditorStatusBar } from '../editor/EditorStatusBar.tsx';
import { useEditorState } from '../editor/use-editor.ts';
import { useLiveHeatmap } from '../editor/use-live-heatmap.ts';
import { usePlanLines } from '../editor/use-plan-lines.ts';
import type { Viewport } from '../../editor/viewport.ts';

// three.js and the 3D view load apart from the editor: fetched once the editor is idle, shown when opened.
const load3dView = () => import('../three/Building3DPanel.tsx');
const Building3DPanel = lazy(() => load3dView().then((module) => ({ default: module.Building3DPanel })));

export function EditorView({ document }: { document: ProjectDocument }) {
  const { documents, ui, db } = useServices();
  const [planDisplayOf, setPlanDisplay] = usePlanDisplay(db, document.id);
  const activeLevelId = useUiStore((state) => state.activeLevelId);
  const level = document.levels.find((candidate) => candidate.id === activeLevelId) ?? document.levels[0];
  const planLines = useRef(new Map<string, readonly Segment[]>());
  const editor = useMemo(
    () => new Editor(documents, { ids: newId, planLines: (levelId) => planLines.current.get(levelId) ?? [], notify: (kind, message) => ui.getState().pushToast(kind, message) }),
    [documents, ui],
  );
  const lines = usePlanLines(level?.plan?.vectorsSha256 ?? null);
  if (level) planLines.current.set(level.id, lines);
  useEffect(() => {
    if (level) editor.setLevel(level.id);
  }, [editor, level?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- the level's id is what matters

  const toolState = useEditorState(editor, (state) => state.toolState);
  const calibration = useEditorState(editor, (state) => state.calibration);
  const surveyPointAt = useEditorState(editor, (state) => state.surveyPointAt);
  const [fitRequest, setFitRequest] = useState(0);
  const [shortcuts, setShortcuts] = useState(false);
  const [showBelow, setShowBelow] = useState(false);
  const [show3d, setShow3d] = useState(false);
  useEffect(() => {
    const idle = window.setTimeout(() => void load3dView(), 2000);
    return () => window.clearTimeout(idle);
  }, []);
  const [walk, setWalk] = useState<WalkProfile | null>(null);
  const [viewport, setViewport] = useState<{ view: Viewport; width: number; height: number } | null>(null);
  const bands = bandsInUse(document);
  const [settings, setSettings] = useState<HeatmapSettings>({ visible: true, band: '5', layer: 'rssi', opacity: 0.6, scale: DEFAULT_SCALES.rssi, sources: false, roaming: DEFAULT_ROAMING_CLIENT, clipToBuilding: true });
  const band = bands.includes(settings.band) ? settings.band : (bands[0] ?? '5');
  const changeSettings = useCallback((patch: Partial<HeatmapSettings>) => setSettings((current) => ({ ...current, ...patch, ...(patch.layer ? { scale: DEFAULT_SCALES[patch.layer] } : {}) })), []);
  const impact = useSourceImpact(document, level?.id ?? '', band, settings.sources && !!level);
  const { result, status } = useLiveHeatmap(document, level?.id ?? '', band, settings.layer, toolState === 'dragging', settings.visible && !!level, settings.roaming);

  const outline = useMemo(() => (settings.clipToBuilding && level ? buildingOutline(document, level.id) : []), [settings.clipToBuilding, document, level]);
  const visibleBox = useMemo(() => {
    if (!viewport) return null;
    const a = toWorld(viewport.view, { x: 0, y: 0 });
    const b = toWorld(viewport.view, { x: viewport.width, y: viewport.height });
    return { minX: a.x, minY: a.y, maxX: b.x, maxY: b.y };
  }, [viewport]);
  const onViewportChange = useCallback((view: Viewport, size: { width: number; height: number }) => setViewport({ view, ...size }), []);
  if (!level) return null;
  return (
    <div className="editor-layout editor-layout-3">
      <aside className="side-panel" aria-label={t('editor.studyPanel')}>
        <StudyForm document={document} />
        <PredictionSettingsPanel document={document} />
        <LevelList document={document} activeLevelId={level.id} editor={editor} />
        <section className="panel" aria-labelledby="plan-title">
          <h2 id="plan-title">{t('editor.import.title')}</h2>
          <PlanImport editor={editor} document={document} level={level} />
          {level.plan?.vectorsSha256 && <WallSuggestions key={level.plan.vectorsSha256} editor={editor} document={document} level={level} visibleBox={visibleBox} />}
          <label className="checkbox">
            <input type="checkbox" checked={showBelow} onChange={(event) => setShowBelow(event.target.checked)} />
            {t('editor.showBelow')}
          </label>
          {level.plan && (
            <div className="plan-display">
              <div className="field">
                <label htmlFor="plan-opacity">{t('editor.planDisplay.opacity', { value: Math.round(planDisplayOf(level.id).opacity * 100) })}</label>
                <input id="plan-opacity" type="range" min={10} max={100} step={5} value={Math.round(planDisplayOf(level.id).opacity * 100)} onChange={(event) => setPlanDisplay(level.id, { opacity: Number(event.target.value) / 100 })} />
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={planDisplayOf(level.id).greyscale} onChange={(event) => setPlanDisplay(level.id, { greyscale: event.target.checked })} />
                {t('editor.planDisplay.greyscale')}
              </label>
            </div>
          )}
        </section>
      </aside>
      <section className={`canvas-area editor-main${show3d ? ' with-3d' : ''}`} aria-label={t('editor.canvasLabel', { level: level.name })}>
        <EditorToolbar editor={editor} document={document} onFit={() => setFitRequest((value) => value + 1)} onShortcuts={() => setShortcuts(true)}>
          <button type="button" aria-pressed={show3d} title={t('three.toggleHint')} onClick={() => setShow3d((value) => !value)}>
            {t('three.toggle')}
          </button>
        </EditorToolbar>
        <EditorCanvas
          editor={editor}
          document={document}
          level={level}
          heatmap={impact ? { result: impact, scale: SOURCE_SCALE, opacity: settings.opacity, clip: outline } : { result, scale: settings.scale, opacity: settings.opacity, clip: outline }}
          showLevelBelow={showBelow}
          planDisplay={planDisplayOf(level.id)}
          walk={walk}
          fitRequest={fitRequest}
          onViewportChange={onViewportChange}
        />
        <EditorStatusBar editor={editor} level={level} viewport={viewport?.view ?? null} />
        {show3d && (
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <Building3DPanel editor={editor} document={document} band={band} scale={settings.scale} />
          </Suspense>
        )}
      </section>
      <aside className="side-panel side-panel-right" aria-label={t('editor.properties.title')}>
        <section className="panel" aria-labelledby="properties-title">
          <h2 id="properties-title">{t('editor.properties.title')}</h2>
          <PropertiesPanel editor={editor} document={document} rssiMap={result && result.layer === 'rssi' && !result.coarse ? result : null} />
        </section>
        {bands.length > 0 && (
          <section className="panel" aria-labelledby="point-budget-title">
            <h2 id="point-budget-title">{t('editor.pointBudget.title')}</h2>
            <PointBudgetPanel editor={editor} document={document} band={band} />
          </section>
        )}
        {bands.length > 0 && <WalkPanel editor={editor} document={document} levelId={level.id} band={band} onProfile={setWalk} />}
        {bands.length > 0 && <HeatmapPanel document={document} bands={bands} settings={{ ...settings, band }} onChange={changeSettings} result={result} status={status} />}
      </aside>
      {shortcuts && <ShortcutsPanel onClose={() => setShortcuts(false)} />}
      {surveyPointAt && <SurveyPointDialog editor={editor} document={document} at={surveyPointAt} />}
      {calibration && <CalibrationDialog editor={editor} measuredM={Math.hypot(calibration.b.x - calibration.a.x, calibration.b.y - calibration.a.y)} />}
    </div>
  );
}
