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

export const AP_COLOUR = 0x0b5cad;
export const AP_SELECTED_COLOUR = 0xe8590c;
const MIN_WALL_THICKNESS_M = 0.08;
/** Direction of the light baked into the walls' colours (unit vector, from above and to the side). */
const LIGHT = (() => {
  const length = Math.hypot(0.4, 1, 0.3);
  return [0.4 / length, 1 / length, 0.3 / length] as const;
})();

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

export function buildBuildingModel(document: ProjectDocument, scene: Scene): BuildingModel {
  const root = new THREE.Group();
  const materials = new Map(document.materials.map((material) => [material.id, material]));
  const materialOfTag = new Map<string, string>();
  for (const wall of document.walls) materialOfTag.set(wall.id, wall.materialId);
  for (const opening of document.openings) materialOfTag.set(opening.id, opening.materialId);
  const thicknessOfWall = new Map<string, number>();
  for (const wall of document.walls) thicknessOfWall.set(wall.id, materials.get(wall.materialId)?.thicknessM ?? 0.1);
  for (const opening of document.openings) thicknessOfWall.set(opening.id, thicknessOfWall.get(opening.wallId) ?? 0.1);

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

    const heightM = sceneLevel.heightM;
    const walls = mergedWalls(
      sceneLevel.walls.map((wall) => {
        const materialId = wall.tag ? materialOfTag.get(wall.tag) : undefined;
        return { ...wall, topM: Math.min(wall.topM, heightM), thicknessM: Math.max(MIN_WALL_THICKNESS_M, (wall.tag && thicknessOfWall.get(wall.tag)) || 0.1), colour: (materialId && materials.get(materialId)?.color) || '#4a4f57' };
      }),
    );
    // Shading is baked into the vertex colours (fixed light): an unlit material costs least per pixel in software WebGL.
    const wallMaterial = new THREE.MeshBasicMaterial({ vertexColors: true, side: THREE.DoubleSide });
    const wallMesh = new THREE.Mesh(walls, wallMaterial as THREE.Material);
    wallMesh.name = 'murs';
    group.add(wallMesh);
    // While the view moves: each wall as one quad on its centre line (4 vertices instead of 24).
    const quads = centreLineQuads(sceneLevel.walls.map((wall) => {
      const materialId = wall.tag ? materialOfTag.get(wall.tag) : undefined;
      return { ...wall, topM: Math.min(wall.topM, heightM), thicknessM: 0, colour: (materialId && materials.get(materialId)?.color) || '#4a4f57' };
    }));
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

interface WallBox {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  bottomM: number;
  topM: number;
  thicknessM: number;
  colour: string;
}

/** Every wall piece as a box, in one geometry with per-vertex colours and flat normals (one draw call per level). */
export function mergedWalls(walls: readonly WallBox[]): THREE.BufferGeometry {
  const kept = walls.filter((wall) => wall.topM > wall.bottomM && Math.hypot(wall.bx - wall.ax, wall.by - wall.ay) > 1e-6);
  const positions = new Float32Array(kept.length * 24 * 3);
  const normals = new Float32Array(kept.length * 24 * 3);
  const colours = new Float32Array(kept.length * 24 * 3);
  const indices = new Uint32Array(kept.length * 36);
  const colour = new THREE.Color();
  // Corner order: 0–3 bottom (a−n, b−n, b+n, a+n, n across the wall), 4–7 the same on top.
  const faces = [
    [0, 1, 2, 3],
    [4, 5, 6, 7],
    [0, 1, 5, 4],
    [3, 2, 6, 7],
    [1, 2, 6, 5],
    [0, 3, 7, 4],
  ] as const;
  // Written straight into the typed arrays: 10,000 walls are 240,000 vertices, and small arrays per vertex cost more.
  const cornerX = new Float64Array(4);
  const cornerZ = new Float64Array(4);
  const normal = new Float64Array(18);
  kept.forEach((wall, index) => {
    const dx = wall.bx - wall.ax;
    const dy = wall.by - wall.ay;
    const length = Math.hypot(dx, dy);
    const ux = dx / length;
    const uy = dy / length;
    const nx = -uy * (wall.thicknessM / 2);
    const ny = ux * (wall.thicknessM / 2);
    cornerX[0] = wall.ax - nx;
    cornerZ[0] = wall.ay - ny;
    cornerX[1] = wall.bx - nx;
    cornerZ[1] = wall.by - ny;
    cornerX[2] = wall.bx + nx;
    cornerZ[2] = wall.by + ny;
    cornerX[3] = wall.ax + nx;
    cornerZ[3] = wall.ay + ny;
    // Face normals: down, up, across (−n, +n), along (+u at b, −u at a), in three.js (x, y, z) = (plan x, up, plan y).
    normal.set([0, -1, 0, 0, 1, 0, uy, 0, -ux, -uy, 0, ux, ux, 0, uy, -ux, 0, -uy]);
    colour.set(wall.colour);
    for (let faceIndex = 0; faceIndex < 6; faceIndex++) {
      const face = faces[faceIndex]!;
      const base = index * 24 + faceIndex * 4;
      const n0 = normal[faceIndex * 3]!;
      const n1 = normal[faceIndex * 3 + 1]!;
      const n2 = normal[faceIndex * 3 + 2]!;
      const light = 0.55 + 0.45 * Math.abs(n0 * LIGHT[0] + n1 * LIGHT[1] + n2 * LIGHT[2]);
      for (let k = 0; k < 4; k++) {
        const corner = face[k]!;
        const offset = (base + k) * 3;
        positions[offset] = cornerX[corner % 4]!;
        positions[offset + 1] = corner < 4 ? wall.bottomM : wall.topM;
        positions[offset + 2] = cornerZ[corner % 4]!;
        normals[offset] = n0;
        normals[offset + 1] = n1;
        normals[offset + 2] = n2;
        colours[offset] = colour.r * light;
        colours[offset + 1] = colour.g * light;
        colours[offset + 2] = colour.b * light;
      }
      const at = index * 36 + faceIndex * 6;
      indices[at] = base;
      indices[at + 1] = base + 2;
      indices[at + 2] = base + 1;
      indices[at + 3] = base;
      indices[at + 4] = base + 3;
      indices[at + 5] = base + 2;
    }
  });
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(normals, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  geometry.setIndex(new THREE.BufferAttribute(indices, 1));
  geometry.computeBoundingBox();
  geometry.computeBoundingSphere();
  return geometry;
}

/** Every wall piece as one double-sided quad on its centre line, shaded by its orientation (the moving view's model). */
export function centreLineQuads(walls: readonly WallBox[]): THREE.BufferGeometry {
  const kept = walls.filter((wall) => wall.topM > wall.bottomM && Math.hypot(wall.bx - wall.ax, wall.by - wall.ay) > 1e-6);
  const positions = new Float32Array(kept.length * 4 * 3);
  const colours = new Float32Array(kept.length * 4 * 3);
  const indices = new Uint32Array(kept.length * 6);
  const colour = new THREE.Color();
  kept.forEach((wall, index) => {
    const length = Math.hypot(wall.bx - wall.ax, wall.by - wall.ay);
    const light = 0.55 + 0.45 * Math.abs((-(wall.by - wall.ay) / length) * LIGHT[0] + ((wall.bx - wall.ax) / length) * LIGHT[2]);
    colour.set(wall.colour);
    positions.set([wall.ax, wall.bottomM, wall.ay, wall.bx, wall.bottomM, wall.by, wall.bx, wall.topM, wall.by, wall.ax, wall.topM, wall.ay], index * 12);
    for (let k = 0; k < 4; k++) colours.set([colour.r * light, colour.g * light, colour.b * light], index * 12 + k * 3);
    const base = index * 4;
    indices.set([base, base + 1, base + 2, base, base + 2, base + 3], index * 6);
  });
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3));
  geometry.setIndex(new THREE.BufferAttribute(indices, 1));
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
