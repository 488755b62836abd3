import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { parseProjectJson } from '../../src/model/parse-project.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { generateDeliverables } from '../../src/report/deliverables.ts';
import { planTransform } from '../../src/report/pdf/plan-drawing.ts';
import { A3_LANDSCAPE } from '../../src/report/pdf/pdf-writer.ts';
import { IMPLANTATION_PLAN_BOX } from '../../src/report/study-report.ts';

const require = createRequire(import.meta.url);
const fonts = {
  regular: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
  bold: new Uint8Array(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
};
const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/project-format/v1-demo.json'), 'utf8'));
const NOW = new Date('2026-11-28T10:00:00Z');

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let index = 1; index <= pdf.numPages; index++) {
    const content = await (await pdf.getPage(index)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

function twoLevelStudy(): ProjectDocument {
  const document = structuredClone(demo);
  const base = document.levels[0]!;
  const upper = { ...base, id: 'niveau-2', name: '2e étage — pôle pénal', elevationM: base.elevationM + base.floorToFloorHeightM };
  document.levels.push(upper);
  document.walls.push(...demo.walls.map((wall) => ({ ...wall, id: `${wall.id}-n2`, levelId: upper.id })));
  document.coverageZones.push(...demo.coverageZones.map((zone) => ({ ...zone, id: `${zone.id}-n2`, levelId: upper.id, name: `${zone.name} (N2)` })));
  document.accessPoints.push(
    ...demo.accessPoints.slice(0, 3).map((ap, index) => ({
      ...ap,
      id: `${ap.id}-n2`,
      name: `AP-N2-0${index + 1}`,
      levelId: upper.id,
      radios: ap.radios.map((radio) => ({ ...radio, id: `${radio.id}-n2` })),
    })),
  );
  return document;
}

describe('deliverables of the demo study', async () => {
  const { files, package: deliverable } = await generateDeliverables(demo, fonts, { now: NOW });
  const file = (name: string) => files.find((candidate) => candidate.name === name)!.bytes;

  it('holds the study report, the spreadsheets, one SVG plan per level and the results', () => {
    expect(files.map((candidate) => candidate.name).sort()).toEqual(['compte-rendu.pdf', 'liste-materiel.ods', 'liste-materiel.xlsx', 'plan-implantation-01-1er-etage-pole-civil.png', 'plan-implantation-01-1er-etage-pole-civil.svg', 'rapport-analyse.pdf', 'rapport-etude.pdf', 'resultats.json']);
  });

  it('the ZIP holds every file and its MD5 is the one written beside it', () => {
    const entries = unzipSync(deliverable.zip);
    expect(Object.keys(entries).sort()).toEqual(files.map((candidate) => candidate.name).sort());
    const md5 = createHash('md5').update(deliverable.zip).digest('hex');
    expect(deliverable.md5).toBe(md5);
    expect(strFromU8(deliverable.md5File)).toBe(`${md5}  tribunal-judiciaire-pole-civil-demonstration-livrables-2026-11-28.zip\n`);
  });

  it('the report says, in French with accents intact, the title, the tier, the surface, every AP and the equipment', async () => {
    const pages = await pdfPages(file('rapport-etude.pdf'));
    const text = pages.join('\n');
    expect(text).toContain("Rapport d'étude de couverture Wi-Fi");
    expect(text).toContain('Tribunal judiciaire — pôle civil (démonstration)');
    expect(text).toContain('Étude de couverture sur plan');
    expect(text).toContain('Entre 501 et 1000 m²');
    expect(text).toMatch(/755\s*m²/);
    for (const ap of demo.accessPoints) expect(text).toContain(ap.name);
    expect(text).toContain('GEN-AX-2X2');
    expect(pages.filter((page) => page.includes('Plan d’implantation — 1er étage — pôle civil'))).toHaveLength(1);
    expect(text).toContain('page 1 / ');
    expect(text).toContain('Sommaire');
  });

  it('the analysis report maps eight layers per band; the summary (compte rendu) gives the key figures', async () => {
    const analysis = (await pdfPages(file('rapport-analyse.pdf'))).join('\n');
    expect(analysis).toContain("Rapport d'analyse de la couverture Wi-Fi");
    for (const layer of ['Signal le plus fort', 'Exigences des zones (atteintes ou premier critère manqué)', 'Rapport signal sur bruit', 'Débit PHY attendu', 'Bornes entendues (chevauchement, itinérance)', 'Zones d’itinérance (2e borne ≥ −75 dBm à moins de 5 dB de la meilleure)', 'Bornes sur le même canal (au-dessus du seuil CCA)', 'Interférence des canaux adjacents']) {
      expect(analysis).toContain(`${layer} — 1er étage — pôle civil — 2,4 GHz`);
      expect(analysis).toContain(`${layer} — 1er étage — pôle civil — 5 GHz`);
    }
    const summary = (await pdfPages(file('compte-rendu.pdf'))).join('\n');
    expect(summary).toContain('Compte rendu de la prestation');
    expect(summary).toMatch(/1 niveau\(x\) et 755\s*m² de zones à couvrir\. Elle définit 5 borne\(s\)/);
  });

  it('the equipment list counts 5 APs and 5 ceiling mounts, in the XLSX and the ODS', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file('liste-materiel.xlsx').slice().buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Matériel')!;
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const quantities = Object.fromEntries(rows.map((row) => [row[1], row[3]]));
    expect(quantities).toEqual({ 'GEN-AX-2X2': 5, 'GEN-SUPPORT-PLAFOND': 5 });
    const apSheet = workbook.getWorksheet('Bornes')!;
    expect(apSheet.rowCount).toBe(1 + 10);
    // Each user is on one band (band steering): over both bands, expected users add up to the 60 + 14 + 6 + 22 users
    // of the zones, every zone being served.
    const apRows = apSheet.getSheetValues().slice(2) as unknown[][];
    expect(apRows.reduce((sum, row) => sum + Number(row[12]), 0)).toBeCloseTo(102, 0);
    // The forecast sheets: one row per radio, per SSID band, per zone and band.
    expect(workbook.getWorksheet('Prévision par borne')!.rowCount).toBe(1 + 10);
    expect(workbook.getWorksheet('Capacité par zone')!.rowCount).toBe(1 + 4 * 2);
    expect(workbook.getWorksheet('Prévision par SSID')!.rowCount).toBeGreaterThan(1);
    const content = strFromU8(unzipSync(file('liste-materiel.ods'))['content.xml']!);
    expect(content).toContain('office:value="5"');
    expect(strFromU8(unzipSync(file('liste-materiel.ods')).mimetype!)).toBe('application/vnd.oasis.opendocument.spreadsheet');
  });

  it('the implantation plan page shows an AP marker at each AP position (rasterised with pdftoppm)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ondeplan-plan-'));
    const pdfPath = join(dir, 'rapport.pdf');
    writeFileSync(pdfPath, file('rapport-etude.pdf'));
    const dpi = 72;
    // Cover, contents, identification, hypotheses (1 or 2 pages): find the A3 page by its size.
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '20', pdfPath], { encoding: 'utf8' });
    const planPage = Number(/Page\s+(\d+) size:\s+1190\.55 x 841\.89/.exec(info)![1]);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(planPage), '-l', String(planPage), '-png', '-singlefile', pdfPath, join(dir, 'plan')]);
    const png = readFileSync(join(dir, 'plan.png'));
    const { width, pixels } = decodePng(png);
    const level = demo.levels[0]!;
    const transform = planTransform(demo, level, IMPLANTATION_PLAN_BOX);
    for (const ap of demo.accessPoints) {
      const at = transform.toPage(ap.position.xM, ap.position.yM);
      // Sample 5 pt left of the centre, clear of the white number: the marker's blue (11, 92, 173).
      const x = Math.round(at.x - 5);
      const y = Math.round(A3_LANDSCAPE[1] - at.y);
      const offset = (y * width + x) * 4;
      expect([pixels[offset], pixels[offset + 1], pixels[offset + 2]]).toEqual([11, 92, 173]);
    }
  });
});

describe('PNG implantation plan', () => {
  it('draws each AP marker at 20 px per metre from the plan margin, and the table number in white inside it', async () => {
    const { files } = await generateDeliverables(demo, fonts, { now: NOW, documents: [] });
    const { width, pixels } = decodePng(Buffer.from(files.find((candidate) => candidate.name.endsWith('.png'))!.bytes));
    const extent = { minX: 0, minY: 0 }; // the demo plan starts at the level origin
    for (const ap of demo.accessPoints) {
      const x = Math.round((ap.position.xM - extent.minX + 2) * 20 - 7);
      const y = Math.round((ap.position.yM - extent.minY + 2) * 20);
      const offset = (y * width + x) * 4;
      expect([pixels[offset], pixels[offset + 1], pixels[offset + 2]]).toEqual([11, 92, 173]);
    }
    expect(width).toBe((42 + 4) * 20);
  });
});

describe('other studies', () => {
  it('a two-level study gets one implantation plan per level', async () => {
    const { files } = await generateDeliverables(twoLevelStudy(), fonts, { now: NOW });
    const pages = await pdfPages(files.find((candidate) => candidate.name === 'rapport-etude.pdf')!.bytes);
    expect(pages.filter((page) => page.includes('Plan d’implantation — 1er étage — pôle civil'))).toHaveLength(1);
    expect(pages.filter((page) => page.includes('Plan d’implantation — 2e étage — pôle pénal'))).toHaveLength(1);
    expect(pages.join('\n')).toContain('AP-N2-03');
    expect(files.filter((candidate) => candidate.name.endsWith('.svg'))).toHaveLength(2);
    expect(files.filter((candidate) => candidate.name.endsWith('.png'))).toHaveLength(2);
  });

  it('with survey data, an audit report gives the measured figures per dataset and band, and per zone', async () => {
    const document = structuredClone(demo);
    const level = document.levels[0]!.id;
    const reading = (rssiDbm: number, ssid = 'JUSTICE') => ({ bssid: `aa:bb:cc:00:00:${String(-rssiDbm)}`, ssid, band: '5' as const, channel: 36, widthMHz: null, rssiDbm, noiseDbm: null });
    document.surveys = [
      {
        id: 'mesures-1',
        levelId: level,
        name: 'Relevé du 27/11',
        source: 'saisie',
        deviceOffsetDb: 0,
        points: [
          { position: { xM: 10, yM: 10.5 }, time: null, readings: [reading(-60), reading(-75), reading(-50, 'Voisin-Wifi')], active: null },
          { position: { xM: 20, yM: 10.5 }, time: null, readings: [reading(-70)], active: null },
          { position: { xM: 30, yM: 10.5 }, time: null, readings: [reading(-80)], active: null },
        ],
      },
    ];
    const { files } = await generateDeliverables(document, fonts, { now: NOW, documents: ['audit'] });
    expect(files.map((candidate) => candidate.name)).toContain('rapport-audit.pdf');
    const text = (await pdfPages(files.find((candidate) => candidate.name === 'rapport-audit.pdf')!.bytes)).join('\n');
    expect(text).toContain("Rapport d'audit de couverture Wi-Fi");
    expect(text).toContain('Relevé du 27/11');
    // Best of our SSID per point: −60, −70, −80 → min −80, median −70, max −60; 1 of 3 at ≥ −67, 2 of 3 at ≥ −72.
    expect(text).toMatch(/Relevé du 27\/11\s+5 GHz\s+3\s+-80\s+-70\s+-60\s+33,3\s%\s+66,7\s%/);
    expect(text).toContain('Voisin-Wifi — 5 GHz c.36 : 1 BSSID');
    // The three points lie in the corridor zone (y 9–12 m), whose voice profile asks −67 dBm: one point meets it.
    expect(text).toContain('Zone « Circulation » (5 GHz) : 1 point(s) mesuré(s) sur 3 atteignent le signal principal exigé (-67 dBm).');
    // Without survey data the audit report is not offered.
    expect((await generateDeliverables(demo, fonts, { now: NOW, documents: ['audit'] })).files.some((candidate) => candidate.name === 'rapport-audit.pdf')).toBe(false);
  });

  it('an empty study still gets a report that says what is missing; odd characters are safe', async () => {
    const document = structuredClone(demo);
    document.study.title = 'Étude <vide> & « spéciale » 🚀';
    document.accessPoints = [];
    document.walls = [];
    document.openings = [];
    document.coverageZones = [];
    document.levels[0]!.metersPerUnit = null;
    const { files } = await generateDeliverables(document, fonts, { now: NOW });
    const text = (await pdfPages(files.find((candidate) => candidate.name === 'rapport-etude.pdf')!.bytes)).join('\n');
    expect(text).toContain('Étude <vide> & « spéciale » ?');
    expect(text).toContain('Élément manquant : Aucune borne placée.');
    expect(text).toContain('Élément manquant : Aucune zone de couverture.');
    expect(text).toContain('sans échelle');
    expect(text).toContain('Aucune prévision : aucune borne active');
    const svg = strFromU8(files.find((candidate) => candidate.name.endsWith('.svg'))!.bytes);
    expect(svg).toContain('Étude &lt;vide&gt; &amp; « spéciale » 🚀');
  });
});

/** Minimal PNG decoder for 8-bit RGB/RGBA, non-interlaced (what pdftoppm writes). */
function decodePng(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const { inflateSync } = require('node:zlib') as typeof import('node:zlib');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = body[9] === 2 ? 3 : 4;
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(width * height * 4);
  const previous = new Uint8Array(stride);
  const current = new Uint8Array(stride);
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)]!;
    for (let index = 0; index < stride; index++) {
      const value = raw[row * (stride + 1) + 1 + index]!;
      const left = index >= channels ? current[index - channels]! : 0;
      const up = previous[index]!;
      const upLeft = index >= channels ? previous[index - channels]! : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      current[index] = (value + predicted) & 255;
    }
    for (let column = 0; column < width; column++) {
      pixels.set([current[column * channels]!, current[column * channels + 1]!, current[column * channels + 2]!, channels === 4 ? current[column * channels + 3]! : 255], (row * width + column) * 4);
    }
    previous.set(current);
  }
  return { width, height, pixels };
}
