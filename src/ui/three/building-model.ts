/**
 * The study as three.js objects (docs/editor.md, « Vue 3D »): one group per level at its elevation and placement,
 * its wall pieces (doors and windows at their own heights, in their materials' colours) merged into one mesh, a
 * translucent slab, a floor plane for the plan and heatmap texture; APs oriented by azimuth and tilt, non-Wi-Fi
 * sources and survey points are added apart (addStudyObjects), so moving an AP does not rebuild the walls. Plan frame (x east, y down) maps to three.js (x, z) with y up.
 */
import * as THREE from 'three';
import type { Scene } from '../../../propagation/scene/types.ts';
import { levelExtentM, type ExtentM } from '../../model/level-extent.ts';
import type { ProjectDocument } from '../../model/schema.ts';
import { DEFAULT_WALL_COLOUR, levelWallArrays, type BoxArrays, type LevelWallArrays, type QuadArrays, type WallBox } from './wall-arrays.ts';

export const AP_COLOUR = 0x0b5cad;
export const AP_SELECTED_COLOUR = 0xe8590c;
const MIN_WALL_THICKNESS_M = 0.08;

export interface LevelObjects {
  levelId: string;
  group: THREE.Group;
  /** The plane the plan and heatmap are drawn on (its material's map is set by the view). */
  floor: THREE.Mesh<THREE.PlaneGeometry, THREE.MeshBasicMaterial>;
  extent: ExtentM;
  wallCount: number;
}

export interface BuildingModel {
  root: THREE.Group;
  levels: LevelObjects[];
  /** Centre and size of the whole building (three.js frame), for the camera. */
  bounds: THREE.Box3;
  dispose(): void;
}

/** Each level's wall pieces as boxes: heights cut at the level's height, thickness and colour from their material. */
export function levelWallBoxes(document: ProjectDocument, scene: Scene): { levelId: string; walls: WallBox[] }[] {
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const materialOfTag = new Map<string, string>();
  for (const wall of document.walls) materialOfTag.set(wall.id, wall.materialId);
  for (const opening of document.openings) materialOfTag.set(opening.id, opening.materialId);
  const thicknessOfWall = new Map<string, number>();
  for (const wall of document.walls) thicknessOfWall.set(wall.id, materials.get(wall.materialId)?.thicknessM ?? 0.1);
  for (const opening of document.openings) thicknessOfWall.set(opening.id, thicknessOfWall.get(opening.wallId) ?? 0.1);
  return scene.levels.map((sceneLevel) => ({
    levelId: sceneLevel.id,
    walls: sceneLevel.walls.map((wall) => {
      const materialId = wall.tag ? materialOfTag.get(wall.tag) : undefined;
      return { ax: wall.ax, ay: wall.ay, bx: wall.bx, by: wall.by, bottomM: wall.bottomM, topM: Math.min(wall.topM, sceneLevel.heightM), thicknessM: Math.max(MIN_WALL_THICKNESS_M, (wall.tag && thicknessOfWall.get(wall.tag)) || 0.1), colour: (materialId && materials.get(materialId)?.color) || DEFAULT_WALL_COLOUR };
    }),
  }));
}

/**
 * `wallArrays`: the walls' vertex arrays, built by the view's worker (wall-arrays.worker.ts); computed here when not
 * given (benchmarks).
 */
export function buildBuildingModel(document: ProjectDocument, scene: Scene, wallArrays: readonly LevelWallArrays[] = levelWallArrays(levelWallBoxes(document, scene))): BuildingModel {
  const root = new THREE.Group();
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const arraysOfLevel = new Map(wallArrays.map((entry) => [entry.levelId, entry]));
  const wallsPerLevel = new Map<string, number>();
  for (const wall of document.walls) wallsPerLevel.set(wall.levelId, (wallsPerLevel.get(wall.levelId) ?? 0) + 1);
  const disposables: { dispose(): void }[] = [];
  const levels: LevelObjects[] = [];
  for (const sceneLevel of scene.levels) {
    const level = document.levels.find((candidate) => candidate.id === sceneLevel.id);
    if (!level) continue;
    const group = new THREE.Group();
    group.name = level.name;
    group.position.set(sceneLevel.placement.txM, sceneLevel.elevationM, sceneLevel.placement.tyM);
    // building = R(θ)·level in the plan's y-down frame is a turn of −θ about three.js's y axis.
    group.rotation.y = -sceneLevel.placement.rotationRad;
    root.add(group);

    const arrays = arraysOfLevel.get(level.id);
    const walls = boxGeometry(arrays?.boxes ?? { positions: new Float32Array(0), normals: new Float32Array(0), colours: new Float32Array(0), indices: new Uint32Array(0) });
    // Shading is baked into the vertex colours (fixed light): an unlit material costs least per pixel in software WebGL.
    const wallMaterial = new THREE.MeshBasicMaterial({ vertexColors: true, side: THREE.DoubleSide });
    const wallMesh = new THREE.Mesh(walls, wallMaterial as THREE.Material);
    wallMesh.name = 'murs';
    group.add(wallMesh);
    // While the view moves: each wall as one quad on its centre line (4 vertices instead of 24).
    const quads = quadGeometry(arrays?.quads ?? { positions: new Float32Array(0), colours: new Float32Array(0), indices: new Uint32Array(0) });
    const quadMesh = new THREE.Mesh(quads, wallMaterial as THREE.Material);
    quadMesh.name = 'murs-en-mouvement';
    quadMesh.visible = false;
    group.add(quadMesh);
    disposables.push(walls, quads, wallMaterial);

    const extent = levelExtentM(document, level);
    const width = extent.maxX - extent.minX;
    const depth = extent.maxY - extent.minY;
    const slabGeometry = new THREE.BoxGeometry(width, 0.2, depth);
    const slabMaterial = new THREE.MeshLambertMaterial({ color: materials.get(level.slabMaterialId)?.color ?? '#5b5b5b', transparent: true, opacity: 0.18, depthWrite: false });
    const slab = new THREE.Mesh(slabGeometry, slabMaterial);
    slab.position.set(extent.minX + width / 2, -0.1, extent.minY + depth / 2);
    slab.name = 'dalle';
    group.add(slab);
    disposables.push(slabGeometry, slabMaterial);
    for (const opening of document.slabOpenings.filter((candidate) => candidate.levelId === level.id)) {
      const outline = new THREE.BufferGeometry().setFromPoints(opening.polygon.map((point) => new THREE.Vector3(point.xM, 0.03, point.yM)));
      const line = new THREE.LineLoop(outline, new THREE.LineBasicMaterial({ color: 0xe8590c }));
      group.add(line);
      disposables.push(outline, line.material);
    }

    const floorGeometry = new THREE.PlaneGeometry(width, depth);
    const floorMaterial = new THREE.MeshBasicMaterial({ color: 0xffffff, side: THREE.DoubleSide, transparent: true, opacity: 0.95 });
    const floor = new THREE.Mesh(floorGeometry, floorMaterial);
    floor.rotation.x = -Math.PI / 2;
    floor.position.set(extent.minX + width / 2, 0.01, extent.minY + depth / 2);
    floor.userData = { levelId: level.id };
    floor.name = 'plancher';
    group.add(floor);
    disposables.push(floorGeometry, floorMaterial);

    levels.push({ levelId: level.id, group, floor, extent, wallCount: wallsPerLevel.get(level.id) ?? 0 });
  }
  root.updateMatrixWorld(true);
  const bounds = new THREE.Box3();
  for (const entry of levels) bounds.expandByObject(entry.floor);
  for (const entry of levels) bounds.expandByObject(entry.group.getObjectByName('murs')!);
  if (bounds.isEmpty()) bounds.set(new THREE.Vector3(0, 0, 0), new THREE.Vector3(10, 3, 10));
  return {
    root,
    levels,
    bounds,
    dispose: () => {
      for (const item of disposables) item.dispose();
    },
  };
}

export interface StudyObjects {
  /** AP meshes by AP id (userData.apId), for picking and highlighting. */
  aps: Map<string, THREE.Mesh<THREE.BufferGeometry, THREE.MeshLambertMaterial>>;
  dispose(): void;
}

/**
 * APs, non-Wi-Fi sources and survey points, in a group of their own on each level: rebuilt when they change (an AP
 * dragged) without rebuilding the walls.
 */
export function addStudyObjects(model: BuildingModel, document: ProjectDocument): StudyObjects {
  const shapes = apGeometries();
  const models = new Map(document.apModels.map((apModel) => [apModel.id, apModel]));
  const disposables: { dispose(): void }[] = [shapes.omni, shapes.directional];
  const aps = new Map<string, THREE.Mesh<THREE.BufferGeometry, THREE.MeshLambertMaterial>>();
  const groups: THREE.Group[] = [];
  for (const entry of model.levels) {
    const group = new THREE.Group();
    group.name = 'objets';
    entry.group.add(group);
    groups.push(group);
    for (const ap of document.accessPoints.filter((candidate) => candidate.levelId === entry.levelId)) {
      const directional = models.get(ap.modelId)?.antennaPatternId != null;
      const mesh = apMesh(directional ? shapes.directional : shapes.omni, ap.azimuthDeg, ap.tiltDeg);
      mesh.position.set(ap.position.xM, ap.mountingHeightM, ap.position.yM);
      mesh.userData = { apId: ap.id, levelId: entry.levelId };
      mesh.name = ap.name;
      group.add(mesh);
      aps.set(ap.id, mesh);
      disposables.push(mesh.material);
    }
    for (const source of document.interferenceSources.filter((candidate) => candidate.levelId === entry.levelId)) {
      const geometry = new THREE.OctahedronGeometry(0.25);
      const material = new THREE.MeshLambertMaterial({ color: 0xc92a2a });
      const mesh = new THREE.Mesh(geometry, material);
      mesh.position.set(source.position.xM, 1, source.position.yM);
      mesh.name = source.name;
      group.add(mesh);
      disposables.push(geometry, material);
    }
    const surveyPoints = document.surveys.filter((survey) => survey.levelId === entry.levelId).flatMap((survey) => survey.points.map((point) => new THREE.Vector3(point.position.xM, 1.2, point.position.yM)));
    if (surveyPoints.length > 0) {
      const geometry = new THREE.BufferGeometry().setFromPoints(surveyPoints);
      const material = new THREE.PointsMaterial({ color: 0x2b8a3e, size: 0.3 });
      group.add(new THREE.Points(geometry, material));
      disposables.push(geometry, material);
    }
  }
  return {
    aps,
    dispose: () => {
      for (const group of groups) group.removeFromParent();
      for (const item of disposables) item.dispose();
    },
  };
}

/** The walls' boxes as one geometry with per-vertex colours and flat normals (one draw call per level). */
function boxGeometry(arrays: BoxArrays): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(arrays.positions, 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(arrays.normals, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(arrays.colours, 3));
  geometry.setIndex(new THREE.BufferAttribute(arrays.indices, 1));
  geometry.computeBoundingBox();
  geometry.computeBoundingSphere();
  return geometry;
}

/** The walls' centre-line quads (the moving view's model). */
function quadGeometry(arrays: QuadArrays): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(arrays.positions, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(arrays.colours, 3));
  geometry.setIndex(new THREE.BufferAttribute(arrays.indices, 1));
  geometry.computeBoundingSphere();
  return geometry;
}

/** Shows the light model while the view moves, the full one at rest. */
export function setMoving(model: BuildingModel, moving: boolean): void {
  for (const entry of model.levels) {
    entry.group.getObjectByName('murs')!.visible = !moving;
    entry.group.getObjectByName('murs-en-mouvement')!.visible = moving;
    // Translucent slabs are drawn over every pixel of every level below: dropped while moving.
    entry.group.getObjectByName('dalle')!.visible = !moving;
  }
}

/** The AP shapes, shared by every AP of the model: a disc with a cone along +x (plan east), short or long. */
function apGeometries(): { omni: THREE.BufferGeometry; directional: THREE.BufferGeometry } {
  const make = (coneLength: number, offset: number) => {
    const body = new THREE.CylinderGeometry(0.3, 0.3, 0.08, 24);
    const cone = new THREE.ConeGeometry(0.12, coneLength, 12);
    cone.rotateZ(-Math.PI / 2);
    cone.translate(offset, 0, 0);
    const geometry = mergeTwo(body, cone);
    body.dispose();
    cone.dispose();
    return geometry;
  };
  return { omni: make(0.45, 0.4), directional: make(0.9, 0.6) };
}

/** An AP turned to its antenna's boresight: azimuth clockwise seen from above (y down), then tilt downwards. */
function apMesh(geometry: THREE.BufferGeometry, azimuthDeg: number, tiltDeg: number): THREE.Mesh<THREE.BufferGeometry, THREE.MeshLambertMaterial> {
  const mesh = new THREE.Mesh(geometry, new THREE.MeshLambertMaterial({ color: AP_COLOUR }));
  // Euler 'YZX' applies the tilt (about the AP's own z) first, then the turn about the vertical.
  mesh.rotation.order = 'YZX';
  mesh.rotation.z = (-tiltDeg * Math.PI) / 180;
  mesh.rotation.y = (-azimuthDeg * Math.PI) / 180;
  return mesh;
}

function mergeTwo(a: THREE.BufferGeometry, b: THREE.BufferGeometry): THREE.BufferGeometry {
  const parts = [a.toNonIndexed(), b.toNonIndexed()];
  const count = parts.reduce((sum, part) => sum + part.getAttribute('position').count, 0);
  const positions = new Float32Array(count * 3);
  const normals = new Float32Array(count * 3);
  let offset = 0;
  for (const part of parts) {
    positions.set(part.getAttribute('position').array as Float32Array, offset * 3);
    normals.set(part.getAttribute('normal').array as Float32Array, offset * 3);
    offset += part.getAttribute('position').count;
    part.dispose();
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(normals, 3));
  geometry.computeBoundingSphere();
  return geometry;
}
