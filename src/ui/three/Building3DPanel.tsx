import { useEffect, useMemo, useRef, useState } from 'react';
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { ColourScale } from '../../../propagation/layers/colour-scale.ts';
import { strongestBreakdowns, type LossBreakdown } from '../../../propagation/field/loss-breakdown.ts';
import type { BandId } from '../../../propagation/radio/channels.ts';
import { useServices } from '../../app/app-services.ts';
import type { Editor } from '../../editor/editor.ts';
import { layerRequest } from '../../engine/layer-request.ts';
import { levelGrid } from '../../engine/level-grid.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { EngineClient, type LayerResult } from '../../../workers/engine-client.ts';
import { useEditorState } from '../editor/use-editor.ts';
import { useRadioScene } from '../use-radio-scene.ts';
import { addStudyObjects, AP_COLOUR, AP_SELECTED_COLOUR, buildBuildingModel, levelWallBoxes, setMoving, type BuildingModel, type StudyObjects } from './building-model.ts';
import { WallArraysClient } from './wall-arrays-client.ts';
import { levelTexture } from './level-textures.ts';
import { loadAssetImage } from '../editor/load-asset-image.ts';
import { LossBreakdownBox, type Uncertainty } from './LossBreakdownBox.tsx';
import { VerticalSection } from './VerticalSection.tsx';
import { useCalibrationSpread } from './use-calibration-spread.ts';

/** Height at which walls are cut when « Murs coupés » is on (m). */
const CUT_HEIGHT_M = 1.2;
/** Share of the pixels drawn while the view moves (software WebGL is bound by pixels). */
const MOVING_PIXEL_RATIO = 0.5;
/** Heatmaps in 3D are computed at this resolution or the study's, whichever is coarser. */
const TEXTURE_RESOLUTION_M = 0.5;

interface Stage {
  model: BuildingModel | null;
  /** Set once the user has moved the view: until then it is refitted when the model or the canvas changes. */
  userMoved: boolean;
  fit: () => void;
  renderer: THREE.WebGLRenderer;
  scene: THREE.Scene;
  camera: THREE.PerspectiveCamera;
  controls: OrbitControls;
  render: () => void;
  paths: THREE.Group;
  /** Builds the walls' vertex arrays off the main thread. */
  walls: WallArraysClient;
}

type Preset = 'iso' | 'level' | 'section';

/**
 * « Vue 3D » beside the editor: every level at its elevation with its plan and the band's heatmap, walls at their
 * heights, slabs, APs oriented; orbit, presets, level toggles; clicking an AP selects it in the editor, clicking a
 * floor gives the budget of the strongest APs there (path drawn in 3D).
 */
export function Building3DPanel({ editor, document, band, scale }: { editor: Editor; document: ProjectDocument; band: BandId; scale: ColourScale }) {
  const { db } = useServices();
  const scene = useRadioScene(document);
  const host = useRef<HTMLDivElement>(null);
  const stage = useRef<Stage | null>(null);
  const [model, setModel] = useState<BuildingModel | null>(null);
  const [buildFailed, setBuildFailed] = useState(false);
  const [objects, setObjects] = useState<StudyObjects | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [preset, setPreset] = useState<Preset>('iso');
  // Walls cut at 1.2 m by default, like a plan's cutting plane, so the floors' maps show between them.
  const [lowWalls, setLowWalls] = useState(true);
  const [breakdowns, setBreakdowns] = useState<LossBreakdown[] | null>(null);
  const [textureStatus, setTextureStatus] = useState<{ done: number; total: number; finished: boolean }>({ done: 0, total: 0, finished: false });
  const selection = useEditorState(editor, (state) => state.selection);
  const activeLevelId = useEditorState(editor, (state) => state.levelId);
  const spread = useCalibrationSpread(document, band, breakdowns !== null);

  useEffect(() => {
    const container = host.current!;
    const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    renderer.setPixelRatio(Math.min(2, window.devicePixelRatio));
    renderer.setClearColor(0xf1f3f5);
    renderer.domElement.setAttribute('data-testid', 'view-3d-canvas');
    renderer.domElement.setAttribute('role', 'img');
    renderer.domElement.setAttribute('aria-label', t('three.canvasLabel'));
    container.appendChild(renderer.domElement);
    const three = new THREE.Scene();
    three.add(new THREE.AmbientLight(0xffffff, 1.6));
    const sun = new THREE.DirectionalLight(0xffffff, 1.4);
    sun.position.set(0.4, 1, 0.3);
    three.add(sun);
    const paths = new THREE.Group();
    three.add(paths);
    const camera = new THREE.PerspectiveCamera(45, 1, 0.1, 5000);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.enableDamping = false;
    const render = () => renderer.render(three, camera);
    controls.addEventListener('change', render);
    // While orbiting: half the pixels and the light wall model; the full picture again once the view rests.
    const restRatio = Math.min(2, window.devicePixelRatio);
    controls.addEventListener('start', () => {
      if (stage.current) stage.current.userMoved = true;
      const model = stage.current?.model;
      if (model) setMoving(model, true);
      renderer.setPixelRatio(restRatio * MOVING_PIXEL_RATIO);
    });
    controls.addEventListener('end', () => {
      const model = stage.current?.model;
      if (model) setMoving(model, false);
      renderer.setPixelRatio(restRatio);
      render();
    });
    const resize = () => {
      const { width, height } = container.getBoundingClientRect();
      renderer.setSize(Math.max(1, width), Math.max(1, height));
      camera.aspect = Math.max(1, width) / Math.max(1, height);
      camera.updateProjectionMatrix();
      // The panel's layout settles after it mounts: the first view is framed for the canvas's real size.
      if (stage.current && !stage.current.userMoved && width > 1 && height > 1) stage.current.fit();
      render();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(container);
    stage.current = { model: null, userMoved: false, fit: () => {}, renderer, scene: three, camera, controls, render, paths, walls: new WallArraysClient() };
    resize();
    // For the frame-rate bench (scripts/bench/three-bench.ts): n frames of orbit, mean and 95th-percentile times.
    (renderer.domElement as HTMLCanvasElement & { ondeplanOrbitBench?: (frames: number) => Promise<{ median: number; p95: number }> }).ondeplanOrbitBench = (frames) => orbitBench(stage.current!, frames);
    // For tests: where an object named `name` (an AP's name) or a level's floor point is on screen, in CSS pixels.
    (renderer.domElement as HTMLCanvasElement & { ondeplanScreenOf?: (target: { name?: string; levelId?: string; x?: number; y?: number }) => { x: number; y: number } | null }).ondeplanScreenOf = (target) => screenOf(stage.current!, target);
    return () => {
      observer.disconnect();
      controls.dispose();
      stage.current?.walls.dispose();
      stage.current?.model?.dispose();
      renderer.dispose();
      container.removeChild(renderer.domElement);
      stage.current = null;
    };
  }, []);

  // The building (walls, slabs, floors) is rebuilt only when what it is made of changes, not when an AP moves. The
  // walls' vertices are built by a worker (10,000 walls: a few hundred milliseconds); the model shown stays until
  // the new one replaces it.
  useEffect(() => {
    const current = stage.current;
    if (!current) return;
    let live = true;
    current.walls.build(levelWallBoxes(document, scene)).then(
      (arrays) => {
        if (!live || stage.current !== current) return;
        const built = buildBuildingModel(document, scene, arrays);
        if (current.model) {
          current.scene.remove(current.model.root);
          current.model.dispose();
        }
        current.scene.add(built.root);
        current.model = built;
        current.fit = () => fitCamera(current, built, 'iso', activeLevelId);
        if (!current.userMoved) current.fit();
        setBuildFailed(false);
        setModel(built);
        current.render();
      },
      () => {
        if (live) setBuildFailed(true);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the scene's walls follow these parts of the study
  }, [document.walls, document.openings, document.materials, document.levels, document.slabOpenings, document.attenuationAreas]);

  useEffect(() => {
    if (!model) return;
    const added = addStudyObjects(model, document);
    setObjects(added);
    stage.current?.render();
    return () => {
      added.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- what the objects are made of
  }, [model, document.accessPoints, document.apModels, document.interferenceSources, document.surveys]);

  // Heatmap textures: a one-thread engine of the view's own, so the editor's live map is never cancelled.
  useEffect(() => {
    if (!model) return;
    let live = true;
    const client = new EngineClient(1);
    const plans = new Map<string, Promise<{ image: HTMLImageElement; url: string } | null>>();
    const planOf = (sha256: string) => {
      if (!plans.has(sha256)) plans.set(sha256, loadAssetImage(db, sha256));
      return plans.get(sha256)!;
    };
    const textures: THREE.Texture[] = [];
    const run = async () => {
      await client.setScene(scene);
      const levels = model.levels.filter((entry) => !hidden.has(entry.levelId));
      setTextureStatus({ done: 0, total: levels.length, finished: levels.length === 0 });
      for (const [index, entry] of levels.entries()) {
        const level = document.levels.find((candidate) => candidate.id === entry.levelId)!;
        const plan = level.plan ? ((await planOf(level.plan.assetSha256))?.image ?? null) : null;
        let result: LayerResult | null = null;
        if (scene.radios.some((radio) => radio.band === band)) {
          try {
            const grid = levelGrid(document, level.id, Math.max(TEXTURE_RESOLUTION_M, document.prediction.gridResolutionM));
            await client.compute(layerRequest(document, level.id, band, 'rssi', grid), (next) => {
              result = next;
            });
          } catch {
            result = null;
          }
        }
        if (!live) return;
        const texture = levelTexture(entry.extent, level, plan, result, scale);
        textures.push(texture);
        entry.floor.material.map = texture;
        entry.floor.material.needsUpdate = true;
        stage.current?.render();
        setTextureStatus({ done: index + 1, total: levels.length, finished: index + 1 === levels.length });
      }
    };
    void run();
    return () => {
      live = false;
      client.dispose();
      for (const texture of textures) texture.dispose();
      for (const loading of plans.values()) void loading.then((loaded) => loaded && URL.revokeObjectURL(loaded.url));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- hidden levels are skipped, shown again on the next change
  }, [model, band, scale, db]);

  useEffect(() => {
    if (!model) return;
    for (const entry of model.levels) {
      const height = document.levels.find((level) => level.id === entry.levelId)?.floorToFloorHeightM ?? 3;
      const factor = lowWalls ? Math.min(1, CUT_HEIGHT_M / height) : 1;
      for (const name of ['murs', 'murs-en-mouvement']) entry.group.getObjectByName(name)!.scale.y = factor;
    }
    stage.current?.render();
  }, [model, lowWalls, document.levels]);

  useEffect(() => {
    if (!objects) return;
    for (const [apId, mesh] of objects.aps) mesh.material.color.setHex(selection.includes(apId) ? AP_SELECTED_COLOUR : AP_COLOUR);
    stage.current?.render();
  }, [objects, selection]);

  useEffect(() => {
    if (!model) return;
    for (const entry of model.levels) entry.group.visible = preset === 'level' ? entry.levelId === activeLevelId : !hidden.has(entry.levelId);
    stage.current?.render();
  }, [model, hidden, preset, activeLevelId]);

  const choosePreset = (next: Preset) => {
    setPreset(next);
    if (stage.current) stage.current.userMoved = true;
    if (stage.current && model) fitCamera(stage.current, model, next, activeLevelId, editor.state.getState().overlay.measure);
  };

  const pick = (event: React.PointerEvent<HTMLDivElement>) => {
    const current = stage.current;
    if (!current || !model) return;
    const rect = current.renderer.domElement.getBoundingClientRect();
    const pointer = new THREE.Vector2(((event.clientX - rect.left) / rect.width) * 2 - 1, -((event.clientY - rect.top) / rect.height) * 2 + 1);
    const raycaster = new THREE.Raycaster();
    raycaster.setFromCamera(pointer, current.camera);
    const visibleAps = [...(objects?.aps.values() ?? [])].filter((mesh) => mesh.parent?.parent?.visible);
    const apHit = raycaster.intersectObjects(visibleAps, false)[0];
    if (apHit) {
      const { apId, levelId } = apHit.object.userData as { apId: string; levelId: string };
      if (levelId !== editor.levelId) editor.setLevel(levelId);
      editor.select([apId]);
      return;
    }
    const floors = model.levels.filter((entry) => entry.group.visible).map((entry) => entry.floor);
    const floorHit = raycaster.intersectObjects(floors, false)[0];
    if (!floorHit) return;
    const { levelId } = floorHit.object.userData as { levelId: string };
    const local = floorHit.object.parent!.worldToLocal(floorHit.point.clone());
    const found = strongestBreakdowns(scene, band, levelId, local.x, local.z, 3);
    setBreakdowns(found);
    drawPaths(current, model, levelId, found);
  };

  const down = useRef<{ x: number; y: number } | null>(null);
  const apNames = useMemo(() => new Map(scene.radios.map((radio) => [radio.id, document.accessPoints.find((ap) => ap.id === radio.apId)?.name ?? radio.apId])), [scene, document.accessPoints]);
  const uncertainty = (breakdown: LossBreakdown): Uncertainty | null => spread?.(breakdown.wallsCrossed, breakdown.floorsCrossed) ?? null;
  const levels = [...document.levels].sort((a, b) => b.elevationM - a.elevationM);
  const wallTotal = model?.levels.reduce((sum, entry) => sum + entry.wallCount, 0) ?? 0;
  return (
    <section className="view-3d" aria-label={t('three.title')} data-testid="view-3d">
      <div className="view-3d-toolbar toolbar">
        <div className="segmented" role="group" aria-label={t('three.presets')}>
          {(['iso', 'level', 'section'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={preset === value} onClick={() => choosePreset(value)}>
              {t(`three.preset.${value}`)}
            </button>
          ))}
        </div>
        <fieldset className="view-3d-levels">
          <legend>{t('three.levels')}</legend>
          {levels.map((level) => (
            <label key={level.id} className="checkbox">
              <input
                type="checkbox"
                checked={!hidden.has(level.id)}
                onChange={(event) => {
                  const next = new Set(hidden);
                  if (event.target.checked) next.delete(level.id);
                  else next.add(level.id);
                  setHidden(next);
                  if (preset === 'level') setPreset('iso');
                }}
              />
              {level.name}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={lowWalls} onChange={(event) => setLowWalls(event.target.checked)} />
          {t('three.lowWalls')}
        </label>
        <span className="muted" role="status" data-testid="view-3d-status">
          {buildFailed
            ? t('three.buildFailed')
            : !textureStatus.finished
            ? t('three.computing', { done: textureStatus.done, total: Math.max(textureStatus.total, model?.levels.length ?? 0), band: band.replace('.', ',') })
            : t('three.ready', { levels: model?.levels.length ?? 0, walls: wallTotal, band: band.replace('.', ',') })}
        </span>
      </div>
      <div
        className="view-3d-canvas"
        ref={host}
        onPointerDown={(event) => {
          down.current = { x: event.clientX, y: event.clientY };
        }}
        onPointerUp={(event) => {
          // A click, not the end of an orbit drag.
          if (down.current && Math.hypot(event.clientX - down.current.x, event.clientY - down.current.y) < 4) pick(event);
          down.current = null;
        }}
      />
      <p className="muted view-3d-hint">{t('three.hint', { min: formatNumber(scale.min, 0), max: formatNumber(scale.max, 0) })}</p>
      {breakdowns && <LossBreakdownBox document={document} breakdowns={breakdowns} apNameOf={(radioId) => apNames.get(radioId) ?? radioId} uncertainty={uncertainty} onClose={() => {
        setBreakdowns(null);
        stage.current?.paths.clear();
        stage.current?.render();
      }} />}
      <VerticalSection editor={editor} document={document} scene={scene} band={band} scale={scale} />
    </section>
  );
}

function fitCamera(current: Stage, model: BuildingModel, preset: Preset, activeLevelId: string | null, measure: { a: { x: number; y: number }; b: { x: number; y: number } } | null = null): void {
  const centre = model.bounds.getCenter(new THREE.Vector3());
  const size = model.bounds.getSize(new THREE.Vector3());
  const span = Math.max(size.x, size.z, size.y, 5);
  const halfY = THREE.MathUtils.degToRad(current.camera.fov / 2);
  const halfX = Math.atan(Math.tan(halfY) * current.camera.aspect);
  const distance = fittingDistance(current.camera, model.bounds, new THREE.Vector3(0.6, 0.55, 0.75).normalize());
  if (preset === 'level') {
    const entry = model.levels.find((candidate) => candidate.levelId === activeLevelId) ?? model.levels[0];
    const floorCentre = entry ? entry.floor.getWorldPosition(new THREE.Vector3()) : centre;
    const width = entry ? entry.extent.maxX - entry.extent.minX : size.x;
    const depth = entry ? entry.extent.maxY - entry.extent.minY : size.z;
    const above = Math.max(depth / 2 / Math.tan(halfY), width / 2 / Math.tan(halfX)) * 1.08;
    current.controls.target.copy(floorCentre);
    current.camera.position.set(floorCentre.x, floorCentre.y + above, floorCentre.z + 0.01);
  } else if (preset === 'section') {
    // Looking across the measured line (or across the building's long side when none is drawn).
    const along = measure ? new THREE.Vector3(measure.b.x - measure.a.x, 0, measure.b.y - measure.a.y).normalize() : new THREE.Vector3(1, 0, 0);
    const across = new THREE.Vector3(-along.z, 0, along.x);
    const middle = measure ? new THREE.Vector3((measure.a.x + measure.b.x) / 2, centre.y, (measure.a.y + measure.b.y) / 2) : centre;
    current.controls.target.copy(middle);
    current.camera.position.copy(middle).addScaledVector(across, distance);
  } else {
    current.controls.target.copy(centre);
    current.camera.position.copy(centre).addScaledVector(new THREE.Vector3(0.6, 0.55, 0.75).normalize(), distance);
  }
  current.camera.near = Math.max(0.05, span / 1000);
  current.camera.far = span * 20;
  current.camera.updateProjectionMatrix();
  current.controls.update();
  current.render();
}

/** Distance along `direction` from the box's centre at which all its corners fall within 90 % of the view. */
function fittingDistance(camera: THREE.PerspectiveCamera, box: THREE.Box3, direction: THREE.Vector3): number {
  const centre = box.getCenter(new THREE.Vector3());
  const corners = [0, 1, 2, 3, 4, 5, 6, 7].map((index) => new THREE.Vector3(index & 1 ? box.max.x : box.min.x, index & 2 ? box.max.y : box.min.y, index & 4 ? box.max.z : box.min.z));
  const probe = camera.clone();
  const fits = (distance: number) => {
    probe.position.copy(centre).addScaledVector(direction, distance);
    probe.lookAt(centre);
    probe.updateMatrixWorld(true);
    return corners.every((corner) => {
      const projected = corner.clone().project(probe);
      return Math.abs(projected.x) <= 0.9 && Math.abs(projected.y) <= 0.9 && projected.z < 1;
    });
  };
  let low = 0.5;
  let high = Math.max(10, box.getSize(new THREE.Vector3()).length() * 4);
  for (let step = 0; step < 30; step++) {
    const middle = (low + high) / 2;
    if (fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/** The paths of the budgets: AP to point, with a marker at each wall and slab crossed. */
function drawPaths(current: Stage, model: BuildingModel, levelId: string, breakdowns: readonly LossBreakdown[]): void {
  current.paths.clear();
  const group = model.levels.find((entry) => entry.levelId === levelId)?.group;
  if (!group) return;
  const elevation = group.position.y;
  const toWorld = (x: number, y: number, z: number) => group.localToWorld(new THREE.Vector3(x, z - elevation, y));
  breakdowns.forEach((breakdown, index) => {
    const colour = [0xe8590c, 0x7048e8, 0x2b8a3e][index] ?? 0x495057;
    const line = new THREE.BufferGeometry().setFromPoints([toWorld(breakdown.from.x, breakdown.from.y, breakdown.from.z), toWorld(breakdown.to.x, breakdown.to.y, breakdown.to.z)]);
    current.paths.add(new THREE.Line(line, new THREE.LineBasicMaterial({ color: colour })));
    const crossings = breakdown.terms.flatMap((term) => (term.kind === 'wall' ? [toWorld(term.x, term.y, term.z)] : term.kind === 'slabs' ? term.slabs.map((slab) => toWorld(slab.x, slab.y, slab.z)) : []));
    if (crossings.length > 0) current.paths.add(new THREE.Points(new THREE.BufferGeometry().setFromPoints(crossings), new THREE.PointsMaterial({ color: colour, size: 0.35 })));
  });
  current.render();
}

async function orbitBench(current: Stage, frames: number): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  const { camera, controls } = current;
  const offset = camera.position.clone().sub(controls.target);
  const restRatio = current.renderer.getPixelRatio();
  if (current.model) setMoving(current.model, true);
  current.renderer.setPixelRatio(restRatio * MOVING_PIXEL_RATIO);
  for (let frame = 0; frame < frames; frame++) {
    offset.applyAxisAngle(new THREE.Vector3(0, 1, 0), (2 * Math.PI) / frames);
    camera.position.copy(controls.target).add(offset);
    camera.lookAt(controls.target);
    const start = performance.now();
    current.render();
    // Read one pixel back: the frame is then really drawn, not just queued.
    current.renderer.getContext().readPixels(0, 0, 1, 1, WebGL2RenderingContext.RGBA, WebGL2RenderingContext.UNSIGNED_BYTE, new Uint8Array(4));
    times.push(performance.now() - start);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  if (current.model) setMoving(current.model, false);
  current.renderer.setPixelRatio(restRatio);
  current.render();
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}

function screenOf(current: Stage, target: { name?: string; levelId?: string; x?: number; y?: number }): { x: number; y: number } | null {
  let world: THREE.Vector3 | null = null;
  current.scene.traverse((object) => {
    if (world) return;
    if (target.name && object.name === target.name && object.userData.apId) world = object.getWorldPosition(new THREE.Vector3());
    if (target.levelId && object.userData.levelId === target.levelId && object.name === 'plancher' && object.parent) world = object.parent.localToWorld(new THREE.Vector3(target.x ?? 0, 0.01, target.y ?? 0));
  });
  if (!world) return null;
  const projected = (world as THREE.Vector3).project(current.camera);
  const rect = current.renderer.domElement.getBoundingClientRect();
  return { x: rect.left + ((projected.x + 1) / 2) * rect.width, y: rect.top + ((1 - projected.y) / 2) * rect.height };
}
