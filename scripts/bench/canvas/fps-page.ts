/**
 * Runs in Chromium: draws the benchmark level while panning and zooming, with the editor's renderer (one shape per
 * layer, plan pyramid) and with a plain reference (one Konva node per wall, AP and label, full-size plan), and
 * records the time of each frame. Frames are drawn synchronously, so the numbers are drawing cost, not vsync.
 */
import Konva from 'konva';
import { drawAccessPoints, drawAreas, drawWalls } from '../../../src/ui/editor/draw/draw-level.ts';
import { buildPyramid, pickLevel } from '../../../src/ui/editor/draw/plan-pyramid.ts';
import { fpsDocument, PLAN_PX, SCENE_HEIGHT_M, SCENE_WIDTH_M } from './fps-scene.ts';

const WIDTH = 1280;
const HEIGHT = 720;
const FRAMES = 120;

function planImage(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = PLAN_PX.width;
  canvas.height = PLAN_PX.height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#222';
  ctx.lineWidth = 4;
  for (let x = 0; x < canvas.width; x += 97) {
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, canvas.height);
    ctx.stroke();
  }
  for (let y = 0; y < canvas.height; y += 89) {
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(canvas.width, y);
    ctx.stroke();
  }
  return canvas;
}

/** The view for frame i: a slow pan with a zoom oscillating between the whole floor and a few rooms. */
function viewAt(frame: number) {
  const fit = Math.min(WIDTH / SCENE_WIDTH_M, HEIGHT / SCENE_HEIGHT_M);
  const zoom = fit * (1 + 3 * (0.5 - 0.5 * Math.cos((frame / FRAMES) * 2 * Math.PI)));
  return { scale: zoom, x: -frame * 3, y: -frame * 2 };
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

async function ours(plan: HTMLCanvasElement) {
  const doc = fpsDocument();
  const levelId = doc.levels[0]!.id;
  const pyramid = await buildPyramid(await createImageBitmap(plan));
  const host = document.createElement('div');
  document.body.append(host);
  const stage = new Konva.Stage({ container: host, width: WIDTH, height: HEIGHT, listening: false });
  let scale = 1;
  const planLayer = new Konva.Layer({ listening: false });
  planLayer.add(new Konva.Shape({ listening: false, sceneFunc: (c) => void (c as unknown as { _context: CanvasRenderingContext2D })._context.drawImage(pickLevel(pyramid, SCENE_WIDTH_M * scale), 0, 0, SCENE_WIDTH_M, SCENE_HEIGHT_M) }));
  const contentLayer = new Konva.Layer({ listening: false });
  contentLayer.add(
    new Konva.Shape({
      listening: false,
      sceneFunc: (c) => {
        const ctx = (c as unknown as { _context: CanvasRenderingContext2D })._context;
        drawAreas(ctx, doc, levelId, scale);
        drawWalls(ctx, doc, levelId, scale);
        drawAccessPoints(ctx, doc, levelId, scale, new Set());
      },
    }),
  );
  stage.add(planLayer, contentLayer);
  const times: number[] = [];
  for (let frame = 0; frame < FRAMES; frame++) {
    const view = viewAt(frame);
    scale = view.scale;
    const start = performance.now();
    for (const layer of [planLayer, contentLayer]) layer.setAttrs({ x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale });
    stage.draw();
    planLayer.getContext().getImageData(0, 0, 1, 1); // wait for the drawing to be done, not just queued
    times.push(performance.now() - start);
  }
  stage.destroy();
  return stats(times);
}

function reference(plan: HTMLCanvasElement) {
  const doc = fpsDocument();
  const host = document.createElement('div');
  document.body.append(host);
  const stage = new Konva.Stage({ container: host, width: WIDTH, height: HEIGHT });
  const layer = new Konva.Layer();
  const colours = new Map(doc.materials.map((material) => [material.id, material.color]));
  layer.add(new Konva.Image({ image: plan, width: SCENE_WIDTH_M, height: SCENE_HEIGHT_M }));
  for (const zone of doc.coverageZones) layer.add(new Konva.Line({ points: zone.polygon.flatMap((p) => [p.xM, p.yM]), closed: true, fill: 'rgba(46,139,87,0.12)', stroke: '#2e8b57', strokeWidth: 0.05 }));
  for (const wall of doc.walls) layer.add(new Konva.Line({ points: [wall.from.xM, wall.from.yM, wall.to.xM, wall.to.yM], stroke: colours.get(wall.materialId), strokeWidth: 0.15, lineCap: 'round' }));
  for (const ap of doc.accessPoints) {
    layer.add(new Konva.Circle({ x: ap.position.xM, y: ap.position.yM, radius: 0.4, fill: '#0b5cad', stroke: '#fff', strokeWidth: 0.08 }));
    layer.add(new Konva.Text({ x: ap.position.xM + 0.5, y: ap.position.yM - 0.4, text: ap.name, fontSize: 0.5 }));
  }
  stage.add(layer);
  const times: number[] = [];
  for (let frame = 0; frame < FRAMES; frame++) {
    const view = viewAt(frame);
    const start = performance.now();
    layer.setAttrs({ x: view.x, y: view.y, scaleX: view.scale, scaleY: view.scale });
    stage.draw();
    layer.getContext().getImageData(0, 0, 1, 1);
    times.push(performance.now() - start);
  }
  stage.destroy();
  return stats(times);
}

async function main() {
  const plan = planImage();
  const result = { ours: await ours(plan), reference: reference(plan) };
  (window as unknown as { __benchResult: unknown }).__benchResult = result;
}

main().catch((error: unknown) => {
  (window as unknown as { __benchResult: unknown }).__benchResult = { error: String(error) };
});
