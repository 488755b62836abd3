/**
 * The editor bench's study: the university wing sheet (fixtures/plans/aile-universitaire-1-100.pdf, 22 877 vector
 * lines kept for snapping, its picture rendered by poppler at 6 000 px) with 1 500 walls, 60 APs and one coverage
 * zone over the building, packed as an .ondeplan file the app imports like any other.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { packProject } from '../../../src/io/project-package.ts';
import { sha256Hex } from '../../../src/io/sha256.ts';
import { createProject } from '../../../src/model/create-project.ts';
import type { AccessPoint, Wall } from '../../../src/model/schema.ts';
import { pdfPageLines } from '../../../test/helpers/pdf-plan-lines.ts';
import { ceilingAp } from '../../demo/demo-floor.ts';

export const BIG_STUDY_TITLE = 'Banc — aile universitaire';
export const BIG_STUDY = { walls: 1500, aps: 60 } as const;

export async function buildBigStudy(root: string): Promise<Uint8Array> {
  const pdfPath = resolve(root, 'fixtures/plans/aile-universitaire-1-100.pdf');
  const expected = JSON.parse(readFileSync(resolve(root, 'fixtures/plans/aile-universitaire.expected.json'), 'utf8')) as { metersPerPoint: number; sheetM: { widthM: number; heightM: number } };
  const page = await pdfPageLines(pdfPath);
  const vectors = new Float32Array(page.segments.length * 4);
  page.segments.forEach(({ a, b }, index) => vectors.set([a.x, a.y, b.x, b.y], index * 4));
  const dir = mkdtempSync(resolve(tmpdir(), 'ondeplan-banc-'));
  execFileSync('pdftoppm', ['-png', '-singlefile', '-scale-to', '6000', pdfPath, resolve(dir, 'plan')]);
  const picture = new Uint8Array(readFileSync(resolve(dir, 'plan.png')));
  const pdf = new Uint8Array(readFileSync(pdfPath));
  const vectorBytes = new Uint8Array(vectors.buffer);
  const [pictureSha, pdfSha, vectorsSha] = await Promise.all([sha256Hex(picture), sha256Hex(pdf), sha256Hex(vectorBytes)]);

  const document = createProject({ title: BIG_STUDY_TITLE, id: 'banc-aile', now: new Date('2026-11-30T00:00:00Z') });
  document.assets.push(
    { sha256: pictureSha!, name: 'aile-universitaire-1-100.pdf-page-1.png', mimeType: 'image/png', byteLength: picture.byteLength },
    { sha256: pdfSha!, name: 'aile-universitaire-1-100.pdf', mimeType: 'application/pdf', byteLength: pdf.byteLength },
    { sha256: vectorsSha!, name: 'aile-universitaire-1-100.pdf-traits.f32', mimeType: 'application/octet-stream', byteLength: vectorBytes.byteLength },
  );
  const level = document.levels[0]!;
  level.plan = {
    format: 'pdf',
    assetSha256: pictureSha!,
    sourceSha256: pdfSha!,
    vectorsSha256: vectorsSha!,
    vectorLayers: page.styles.map((style) => ({ name: style.filled ? 'Formes remplies' : `Traits de ${String(style.widthPt).replace('.', ',')} pt`, count: style.count })),
    page: 1,
    widthUnits: page.viewport.width,
    heightUnits: page.viewport.height,
    crop: null,
    rotationDeg: 0,
  };
  level.metersPerUnit = expected.metersPerPoint;

  // The building on the page as shown (turned): x from 29.4 − 30 … 59.4 − 12 m, y from 6 to 78 m.
  const x0 = expected.sheetM.heightM - 42;
  const y0 = 6;
  const walls: Wall[] = [];
  const wall = (ax: number, ay: number, bx: number, by: number, materialId: string) =>
    walls.push({ id: `mur-${walls.length + 1}`, levelId: level.id, from: { xM: ax, yM: ay }, to: { xM: bx, yM: by }, materialId, bottomM: null, topM: null });
  wall(x0, y0, x0 + 30, y0, 'mat-beton');
  wall(x0 + 30, y0, x0 + 30, y0 + 72, 'mat-beton');
  wall(x0 + 30, y0 + 72, x0, y0 + 72, 'mat-beton');
  wall(x0, y0 + 72, x0, y0, 'mat-beton');
  // Partitions: a fine grid of 1.2 m pieces (offices, cupboards, cubicles) until 1 500 walls.
  for (let row = 0; walls.length < BIG_STUDY.walls; row++) {
    const y = y0 + 0.6 + (row % 60) * 1.2;
    const x = x0 + 0.6 + Math.floor(row / 60) * 1.5;
    wall(x, y, x + 1.2, y, row % 3 === 0 ? 'mat-brique' : 'mat-placo');
  }
  const model = document.apModels[0]!;
  const aps: AccessPoint[] = Array.from({ length: BIG_STUDY.aps }, (_, index) => {
    const id = `borne-${index + 1}`;
    const x = x0 + 3 + (index % 5) * 6;
    const y = y0 + 3 + Math.floor(index / 5) * 6;
    return ceilingAp({ id, name: `AP-N1-${String(index + 1).padStart(2, '0')}`, levelId: level.id, modelId: model.id, position: { xM: x, yM: y }, channel24: [1, 6, 11][index % 3]!, channel5: [36, 44, 52, 60, 100, 108][index % 6]!, width5: 20, ssidIds: document.ssids.map((ssid) => ssid.id) });
  });
  document.walls = walls;
  document.accessPoints = aps;
  document.coverageZones = [
    {
      id: 'zone-aile',
      levelId: level.id,
      name: 'Aile',
      polygon: [
        { xM: x0, yM: y0 },
        { xM: x0 + 30, yM: y0 },
        { xM: x0 + 30, yM: y0 + 72 },
        { xM: x0, yM: y0 + 72 },
      ],
      requirementProfileId: document.requirementProfiles[0]!.id,
      userCount: 100,
      userProfile: 'bureautique',
      throughputPerUserMbps: 2,
    },
  ];
  return packProject(document, new Map([[pictureSha!, picture], [pdfSha!, pdf], [vectorsSha!, vectorBytes]]), new Date('2026-11-30T00:00:00Z'));
}
