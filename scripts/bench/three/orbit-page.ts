/**
 * Runs in Chromium (software WebGL): a 5-level study with 2,000 walls per level drawn by the 3D view's model
 * (wall pieces merged per level) and by a plain reference (one three.js mesh per wall piece), each orbited once
 * round the building; the time of each frame is recorded, with a pixel read back so the frame is really drawn.
 */
import * as THREE from 'three';
import { addStudyObjects, buildBuildingModel, setMoving } from '../../../src/ui/three/building-model.ts';
import { sceneFromProject } from '../../../src/engine/scene-from-project.ts';
import { fpsDocument } from '../canvas/fps-scene.ts';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAMES = Number(new URLSearchParams(window.location.search).get('frames') ?? 60);
const LEVELS = 5;

function fiveLevels() {
  const document = fpsDocument();
  const [first] = document.levels;
  const walls = document.walls.filter((wall) => wall.levelId === first!.id);
  for (let index = 1; index < LEVELS; index++) {
    const levelId = `niveau-${index}`;
    document.levels.push({ ...first!, id: levelId, name: `Niveau ${index}`, elevationM: index * 3.5, floorToFloorHeightM: 3.5, alignment: null });
    document.walls.push(...walls.map((wall) => ({ ...wall, id: `${wall.id}-${index}`, levelId })));
    document.accessPoints.push(...document.accessPoints.filter((ap) => ap.levelId === first!.id).map((ap) => ({ ...ap, id: `${ap.id}-${index}`, levelId })));
  }
  return document;
}

function orbit(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.PerspectiveCamera, target: THREE.Vector3): number[] {
  const times: number[] = [];
  const gl = renderer.getContext();
  const pixel = new Uint8Array(4);
  const radius = 90;
  for (let frame = 0; frame < FRAMES; frame++) {
    const angle = (2 * Math.PI * frame) / FRAMES;
    camera.position.set(target.x + radius * Math.cos(angle), target.y + 45, target.z + radius * Math.sin(angle));
    camera.lookAt(target);
    const start = performance.now();
    renderer.render(scene, camera);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    times.push(performance.now() - start);
  }
  return times;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

function run() {
try {
  const document = fiveLevels();
  const radioScene = sceneFromProject(document);
  const canvas = window.document.createElement('canvas');
  window.document.body.appendChild(canvas);
  const renderer = new THREE.WebGLRenderer({ canvas, antialias: new URLSearchParams(window.location.search).get('aa') === '1' });
  renderer.setSize(WIDTH, HEIGHT);
  const camera = new THREE.PerspectiveCamera(45, WIDTH / HEIGHT, 0.1, 2000);
  const lights = () => [new THREE.AmbientLight(0xffffff, 1.6), new THREE.DirectionalLight(0xffffff, 1.4)];

  const empty = new THREE.Scene();
  orbit(renderer, empty, camera, new THREE.Vector3());
  const emptyTimes = orbit(renderer, empty, camera, new THREE.Vector3());
  console.log(`scène vide : ${stats(emptyTimes).median.toFixed(1)} ms`);
  const buildStart = performance.now();
  const model = buildBuildingModel(document, radioScene);
  addStudyObjects(model, document);
  const buildMs = performance.now() - buildStart;
  const ours = new THREE.Scene();
  ours.add(model.root, ...lights());
  const target = model.bounds.getCenter(new THREE.Vector3());
  orbit(renderer, ours, camera, target);
  const restTimes = orbit(renderer, ours, camera, target);
  // What the view draws while the user orbits: the light wall model at half the pixel ratio.
  setMoving(model, true);
  renderer.setPixelRatio(0.5);
  orbit(renderer, ours, camera, target);
  const oursTimes = orbit(renderer, ours, camera, target);
  setMoving(model, false);
  renderer.setPixelRatio(1);
  console.log(`vue 3D : ${stats(oursTimes).median.toFixed(1)} ms en mouvement, ${stats(restTimes).median.toFixed(1)} ms au repos`);

  const reference = new THREE.Scene();
  reference.add(...lights());
  const material = new THREE.MeshLambertMaterial({ color: 0x4a4f57 });
  for (const level of radioScene.levels) {
    for (const wall of level.walls) {
      const length = Math.hypot(wall.bx - wall.ax, wall.by - wall.ay);
      const height = Math.min(wall.topM, level.heightM) - wall.bottomM;
      const mesh = new THREE.Mesh(new THREE.BoxGeometry(length, height, 0.15), material);
      mesh.position.set((wall.ax + wall.bx) / 2, level.elevationM + wall.bottomM + height / 2, (wall.ay + wall.by) / 2);
      mesh.rotation.y = -Math.atan2(wall.by - wall.ay, wall.bx - wall.ax);
      reference.add(mesh);
    }
  }
  orbit(renderer, reference, camera, target);
  const referenceTimes = orbit(renderer, reference, camera, target);
  const info = renderer.getContext().getParameter(renderer.getContext().VERSION) as string;
  (window as unknown as { __benchResult: unknown }).__benchResult = { ours: stats(oursTimes), rest: stats(restTimes), reference: stats(referenceTimes), empty: stats(emptyTimes), buildMs, walls: document.walls.length, levels: LEVELS, gl: info };
} catch (error) {
  (window as unknown as { __benchResult: unknown }).__benchResult = { error: String(error) };
}
}

// After the page has loaded, so the navigation completes before the long synchronous run.
window.addEventListener('load', () => setTimeout(run, 50));
