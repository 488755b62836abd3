import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { nodeReportResources } from '../../scripts/report-resources.ts';
import { unpackProject } from '../../src/io/project-package.ts';
import { levelExtentM } from '../../src/model/level-extent.ts';
import { parseProjectJson } from '../../src/model/parse-project.ts';
import type { ProjectDocument } from '../../src/model/schema.ts';
import { generateDeliverables } from '../../src/report/deliverables.ts';
import { planTransform, printScaleDenominator } from '../../src/report/pdf/plan-drawing.ts';
import { A3_LANDSCAPE } from '../../src/report/pdf/pdf-writer.ts';
import { IMPLANTATION_PLAN_BOX } from '../../src/report/sections/implantation-page.ts';
import { decodePng } from './report/png-decode.ts';

const root = resolve(import.meta.dirname, '../..');
const resources = await nodeReportResources();
/** The demo study as the app ships it, with its SVG plan. */
const demoPackage = await unpackProject(new Uint8Array(readFileSync(resolve(root, 'public/demo/palais-de-justice.ondeplan'))));
const demo = demoPackage.document;
const NOW = new Date('2026-11-28T10:00:00Z');

/** Page texts, with no-break spaces and the minus sign read as plain ones (typography has its own test). */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let index = 1; index <= pdf.numPages; index++) {
    const content = await (await pdf.getPage(index)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-'));
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

/** The A3 plan page of a PDF, rasterised at 72 dpi (1 px per point). */
function rasterisePlanPage(pdf: Uint8Array): { width: number; pixels: Uint8Array } {
  const dir = mkdtempSync(join(tmpdir(), 'ondeplan-plan-'));
  const pdfPath = join(dir, 'plan.pdf');
  writeFileSync(pdfPath, pdf);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '40', pdfPath], { encoding: 'utf8' });
  const planPage = Number(/Page\s+(\d+) size:\s+1190\.55 x 841\.89/.exec(info)![1]);
  execFileSync('pdftoppm', ['-r', '72', '-f', String(planPage), '-l', String(planPage), '-png', '-singlefile', pdfPath, join(dir, 'plan')]);
  return decodePng(readFileSync(join(dir, 'plan.png')));
}

describe('deliverables of the demo study', async () => {
  const { files, package: deliverable } = await generateDeliverables(demo, resources, { now: NOW, assets: demoPackage.assets });
  const file = (name: string) => files.find((candidate) => candidate.name === name)!.bytes;
  const plan = 'plan-implantation-01-1er-etage-pole-civil';

  it('holds the reports, the spreadsheets, one PDF, ODG, VSDX, SVG and PNG plan per level, the results and the delivery slip', () => {
    expect(files.map((candidate) => candidate.name).sort()).toEqual(['bordereau-de-livraison.md5', 'bordereau-de-livraison.pdf', 'compte-rendu.pdf', 'liste-materiel.ods', 'liste-materiel.xlsx', `${plan}.odg`, `${plan}.pdf`, `${plan}.png`, `${plan}.svg`, `${plan}.vsdx`, 'rapport-analyse.pdf', 'rapport-etude.pdf', 'resultats.json']);
  });

  it('the ZIP holds every file and its MD5 is the one written beside it; the slip lists every other file with its MD5', () => {
    const entries = unzipSync(deliverable.zip);
    expect(Object.keys(entries).sort()).toEqual(files.map((candidate) => candidate.name).sort());
    const md5 = createHash('md5').update(deliverable.zip).digest('hex');
    expect(deliverable.md5).toBe(md5);
    expect(strFromU8(deliverable.md5File)).toBe(`${md5}  tribunal-judiciaire-pole-civil-demonstration-livrables-2026-11-28.zip\n`);
    const listed = strFromU8(file('bordereau-de-livraison.md5')).trim().split('\n');
    const others = files.filter((candidate) => !candidate.name.startsWith('bordereau-de-livraison'));
    expect(listed).toEqual(others.map((candidate) => `${createHash('md5').update(candidate.bytes).digest('hex')}  ${candidate.name}`));
  });

  it('the study report says, in French with accents intact, the title, the tier, the surface, every AP with its room and the equipment', async () => {
    const pages = await pdfPages(file('rapport-etude.pdf'));
    const text = pages.join('\n');
    expect(text).toContain('Rapport d’étude de couverture Wi-Fi');
    expect(text).toContain('Tribunal judiciaire — pôle civil (démonstration)');
    expect(text).toContain('Étude de couverture sur plan');
    expect(text).toContain('Entre 501 et 1000 m²');
    expect(text).toMatch(/755\s*m²/);
    for (const ap of demo.accessPoints) expect(text).toContain(ap.name);
    // AP-N1-01 hangs in the hearing room (zone 0–12 × 0–8 m from the building corner).
    expect(text).toContain('1. AP-N1-01 — Salle d’audience');
    expect(text).toContain('GEN-AX-2X2');
    expect(pages.filter((page) => page.includes('Plan d’implantation — 1er étage — pôle civil')).length).toBeGreaterThanOrEqual(1);
    expect(text).toContain('page 1 / ');
    expect(text).toContain('Sommaire');
  });

  it('every report opens with the document control: references, versions, participants, inputs received, sign-off', async () => {
    for (const name of ['rapport-etude.pdf', 'rapport-analyse.pdf', 'compte-rendu.pdf']) {
      const text = (await pdfPages(file(name))).join('\n');
      expect(text, name).toContain('Contrôle du document');
      expect(text, name).toContain('MJ-DNUM-2026-TIC-01 (fictif)');
      expect(text, name).toContain('Moyenne (5 jours au plus)');
      expect(text, name).toContain('Première diffusion');
      expect(text, name).toContain('Claire Martin');
      expect(text, name).toMatch(/Modèle de borne envisagé\s+Manquant/);
      expect(text, name).toContain('Admis avec réserves');
    }
  });

  it('each report has bookmarks, and each bookmark and each contents line lead to the page that starts the section', async () => {
    for (const name of ['rapport-etude.pdf', 'rapport-analyse.pdf', 'compte-rendu.pdf']) {
      const pdf = await getDocument({ data: file(name).slice(), useSystemFonts: false, isEvalSupported: false }).promise;
      const outline = await pdf.getOutline();
      expect(outline.length, name).toBeGreaterThanOrEqual(3);
      const pages = await pdfPages(file(name));
      for (const item of outline) {
        const pageIndex = await pdf.getPageIndex((item.dest as [{ num: number; gen: number }])[0]);
        expect(pages[pageIndex], `${name} : ${item.title}`).toContain(item.title);
        // The contents page (page 2) gives the same page number.
        if (item.title !== 'Sommaire') expect(pages[1], `${name} : ${item.title}`).toMatch(new RegExp(`${item.title.replace(/[.()]/g, '\\$&')}\\s+${pageIndex + 1}(\\s|$)`));
      }
    }
  });

  it('the analysis report maps eight layers per band and does not repeat the study report’s AP table', async () => {
    const analysis = (await pdfPages(file('rapport-analyse.pdf'))).join('\n');
    expect(analysis).toContain('Rapport d’analyse de la couverture Wi-Fi');
    for (const layer of ['Signal le plus fort', 'Exigences des zones (atteintes ou premier critère manqué)', 'Rapport signal sur bruit', 'Débit PHY attendu', 'Bornes entendues (chevauchement, itinérance)', 'Zones d’itinérance (2e borne ≥ -75 dBm à moins de 5 dB de la meilleure)', 'Bornes sur le même canal (au-dessus du seuil CCA)', 'Interférence des canaux adjacents']) {
      expect(analysis).toContain(`${layer} — 1er étage — pôle civil — 2,4 GHz`);
      expect(analysis).toContain(`${layer} — 1er étage — pôle civil — 5 GHz`);
    }
    expect(analysis).toContain('Synthèse par zone, critère et bande');
    expect(analysis).toContain('Diagnostic et remèdes');
    expect(analysis).not.toContain('Tableau des bornes');
  });

  it('the compte rendu states what was done, when and by whom, the results, the open points and the files', async () => {
    const summary = (await pdfPages(file('compte-rendu.pdf'))).join('\n');
    expect(summary).toContain('Compte rendu de la prestation');
    expect(summary).toContain('Implantation de cinq bornes et prévision sur les deux bandes');
    expect(summary).toMatch(/sur 1 niveau et 755\s*m² de zones à couvrir\. Elle définit 5 bornes/);
    expect(summary).toContain('Modèle de borne envisagé : manquant');
    expect(summary).toContain('bordereau-de-livraison.pdf');
  });

  it('the equipment list is a purchase order: lines by kind, subtotals, total HT, VAT and TTC as formulas, in the XLSX and the ODS', async () => {
    const priced = structuredClone(demo);
    const model = priced.apModels.find((candidate) => candidate.id === 'ap-wifi6-2x2')!;
    model.priceEur = 500;
    model.accessories = model.accessories.map((accessory) => ({ ...accessory, priceEur: 40 }));
    const { files: pricedFiles } = await generateDeliverables(priced, resources, { now: NOW, documents: [] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(pricedFiles.find((candidate) => candidate.name === 'liste-materiel.xlsx')!.bytes.slice().buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Matériel')!;
    expect(sheet.getCell('A1').value).toBe('Liste du matériel à acquérir — Tribunal judiciaire — pôle civil (démonstration)');
    const rows = new Map<string, ExcelJS.Row>();
    let section = '';
    sheet.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'string' && row.getCell(3).value === null && row.getCell(5).value === null) section = first;
      else if (typeof first === 'string' && row.getCell(3).value !== null) rows.set(`${section}/${first}`, row);
      else if (typeof first === 'string') rows.set(first, row);
      const label = row.getCell(2).value;
      if (typeof label === 'string' && label.startsWith('Sous-total')) rows.set(label, row);
    });
    const quantity = (key: string) => Number(rows.get(key)!.getCell(3).value);
    expect(quantity('Bornes Wi-Fi/GEN-AX-2X2')).toBe(5);
    expect(quantity('Supports de fixation/GEN-SUPPORT-PLAFOND')).toBe(5);
    // 10 % spares, rounded up: one AP.
    expect(quantity('Bornes de rechange/GEN-AX-2X2')).toBe(1);
    // The demo's model needs PoE class 4 (802.3at): one 30 W port per AP, 150 W reserved (IEEE 802.3 class 4 PSE power).
    expect(quantity('Ports de commutateur PoE/PORT-POE-C4')).toBe(5);
    const notes: string[] = [];
    sheet.eachRow((row) => {
      const first = row.getCell(1).value;
      if (typeof first === 'string' && first.startsWith('Budget PoE')) notes.push(first.replace(/[\u00a0\u202f]/g, ' '));
    });
    expect(notes).toEqual(['Budget PoE des commutateurs : 150 W réservés pour 5 bornes (puissance de port de la classe de chaque modèle, IEEE 802.3).']);
    expect(quantity('Câblage/LIAISON-CAT6A')).toBe(5);
    // Runs to the technical room at (37.5, 13.5) m, along the axes, + 3 m, + 10 %: (39 + 3), (23.5 + 3), (15.5 + 3),
    // (7.5 + 3), (27 + 3) → 46.2 + 29.15 + 20.35 + 11.55 + 33 = 140.25 m, ordered as 141 m.
    expect(quantity('Câblage/CABLE-CAT6A-M')).toBe(141);
    const line = rows.get('Bornes Wi-Fi/GEN-AX-2X2')!;
    expect(line.getCell(5).value).toEqual({ formula: `C${line.number}*D${line.number}`, result: 2500 });
    expect(line.getCell(4).numFmt).toBe('#,##0.00" €"');
    const total = rows.get('Total HT')!;
    const vat = rows.get('TVA 20\u00a0%')!;
    const ttc = rows.get('Total TTC')!;
    // 5 × 500 + 5 × 40 + 1 × 500 = 3 200 € HT; PoE ports and cabling have no price yet (they count as 0 until filled in).
    expect(total.getCell(5).result).toBe(3200);
    expect(vat.getCell(5).value).toEqual({ formula: `E${total.number}*0.2`, result: 640 });
    expect(ttc.getCell(5).value).toEqual({ formula: `E${total.number}+E${vat.number}`, result: 3840 });
    const subtotalRows = [...rows.entries()].filter(([key]) => key.startsWith('Sous-total')).map(([, row]) => `E${row.number}`);
    expect((total.getCell(5).value as { formula: string }).formula).toBe(subtotalRows.join('+'));
    const apSheet = workbook.getWorksheet('Bornes')!;
    const header = apSheet.getRow(6).values as unknown[];
    expect(header).toContain('Pièce (zone)');
    // Each user is on one band (band steering): over both bands, expected users add up to the 60 + 14 + 6 + 22 users
    // of the zones, every zone being served.
    const usersColumn = header.indexOf('Utilisateurs attendus');
    let users = 0;
    apSheet.eachRow((row, index) => {
      const value = row.getCell(usersColumn).value;
      if (index > 6 && typeof value === 'number') users += value;
    });
    expect(users).toBeCloseTo(102, 0);
    // Shares are stored as fractions and shown as percentages (0.35 → « 35,0 % »), not as 0.3506.
    const formats = new Set<string>();
    workbook.getWorksheet('Capacité par zone')!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'number' && cell.numFmt && formats.add(cell.numFmt))));
    expect(formats).toContain('0.0" "%');
    const ods = strFromU8(unzipSync(pricedFiles.find((candidate) => candidate.name === 'liste-materiel.ods')!.bytes)['content.xml']!);
    expect(ods).toMatch(/table:formula="of:=\[\.E\d+\]\*0\.2" office:value-type="currency" office:currency="EUR" office:value="640"/);
    expect(ods).toContain('style:column-width=');
    expect(ods).toContain('office:value-type="percentage"');
    expect(strFromU8(unzipSync(file('liste-materiel.ods')).mimetype!)).toBe('application/vnd.oasis.opendocument.spreadsheet');
  });

  it('the implantation plan page shows an AP marker at each AP position, at a standard printing scale', () => {
    const { width, pixels } = rasterisePlanPage(file(`${plan}.pdf`));
    const level = demo.levels[0]!;
    const denominator = printScaleDenominator(levelExtentM(demo, level), IMPLANTATION_PLAN_BOX);
    // 42 × 22 m in a 804 × 702 pt box: 1:150 gives 794 pt (fits), 1:125 would give 952 pt.
    expect(denominator).toBe(150);
    const transform = planTransform(demo, level, IMPLANTATION_PLAN_BOX, denominator);
    expect(transform.scale).toBeCloseTo(72 / 0.0254 / 150, 6);
    for (const ap of demo.accessPoints) {
      const at = transform.toPage(ap.position.xM, ap.position.yM);
      // 5 pt left of the centre, clear of the white number: the marker's blue (11, 92, 173).
      const offset = (Math.round(A3_LANDSCAPE[1] - at.y) * width + Math.round(at.x - 5)) * 4;
      expect([pixels[offset], pixels[offset + 1], pixels[offset + 2]]).toEqual([11, 92, 173]);
    }
  });

  it('the building plan is drawn under the APs: around each AP, dark plan pixels that a study without its plan file lacks', async () => {
    const withPlan = rasterisePlanPage(file(`${plan}.pdf`));
    const { files: bare } = await generateDeliverables(demo, resources, { now: NOW, documents: [] });
    const withoutPlan = rasterisePlanPage(bare.find((candidate) => candidate.name === `${plan}.pdf`)!.bytes);
    const level = demo.levels[0]!;
    const transform = planTransform(demo, level, IMPLANTATION_PLAN_BOX, printScaleDenominator(levelExtentM(demo, level), IMPLANTATION_PLAN_BOX));
    const luminance = (pixels: Uint8Array, offset: number) => 0.299 * pixels[offset]! + 0.587 * pixels[offset + 1]! + 0.114 * pixels[offset + 2]!;
    const counts: Record<string, number> = {};
    for (const ap of demo.accessPoints) {
      const at = transform.toPage(ap.position.xM, ap.position.yM);
      let planOnly = 0;
      for (let y = Math.round(A3_LANDSCAPE[1] - at.y) - 45; y <= Math.round(A3_LANDSCAPE[1] - at.y) + 45; y++) {
        for (let x = Math.round(at.x) - 45; x <= Math.round(at.x) + 45; x++) {
          const offset = (y * withPlan.width + x) * 4;
          // Ink on the plan page where the page without the plan is white (or the pale zone tint).
          if (luminance(withPlan.pixels, offset) < 190 && luminance(withoutPlan.pixels, offset) > 225) planOnly++;
        }
      }
      counts[ap.name] = planOnly;
    }
    // The plan's door swings, room names and wall lines within 3 m of each AP.
    for (const [name, count] of Object.entries(counts)) expect(count, name).toBeGreaterThan(40);
  });

  it('the PNG plan is the SVG plan rendered by resvg: an AP marker at each AP, the legend and the AP list beside it', () => {
    const png = decodePng(Buffer.from(file(`${plan}.png`)));
    const svg = strFromU8(file(`${plan}.svg`));
    // Layout of plan-svg.ts: 40 px margin, 110 px title band, the 42 m wide plan drawn 1600 px wide.
    const k = 1600 / 42;
    for (const ap of demo.accessPoints) {
      const offset = (Math.round(110 + ap.position.yM * k) * png.width + Math.round(40 + ap.position.xM * k - 10)) * 4;
      expect([png.pixels[offset], png.pixels[offset + 1], png.pixels[offset + 2]], ap.name).toEqual([11, 92, 173]);
    }
    expect(svg).toContain('Légende');
    expect(svg).toContain('Bornes du niveau');
    // The imported plan is inlined with its room names.
    expect(svg).toContain('Bureau N1');
  });
});

describe('other studies', () => {
  it('a two-level study gets one implantation plan per level', async () => {
    const { files } = await generateDeliverables(twoLevelStudy(), resources, { now: NOW, assets: demoPackage.assets });
    const pages = await pdfPages(files.find((candidate) => candidate.name === 'rapport-etude.pdf')!.bytes);
    expect(pages.filter((page) => page.includes('Plan d’implantation — 1er étage — pôle civil') && page.includes('Échelle')).length).toBe(1);
    expect(pages.filter((page) => page.includes('Plan d’implantation — 2e étage — pôle pénal') && page.includes('Échelle')).length).toBe(1);
    expect(pages.join('\n')).toContain('AP-N2-03');
    for (const extension of ['pdf', 'odg', 'vsdx', 'svg', 'png']) expect(files.filter((candidate) => candidate.name.startsWith('plan-implantation') && candidate.name.endsWith(`.${extension}`))).toHaveLength(2);
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
    const { files } = await generateDeliverables(document, resources, { now: NOW, documents: ['audit'], assets: demoPackage.assets });
    expect(files.map((candidate) => candidate.name)).toContain('rapport-audit.pdf');
    const text = (await pdfPages(files.find((candidate) => candidate.name === 'rapport-audit.pdf')!.bytes)).join('\n');
    expect(text).toContain('Rapport d’audit de couverture Wi-Fi');
    expect(text).toContain('Relevé du 27/11');
    // Best of our SSID per point: −60, −70, −80 → min −80, median −70, max −60; 1 of 3 at ≥ −67, 2 of 3 at ≥ −72.
    expect(text).toMatch(/Relevé du 27\/11\s+5 GHz\s+3\s+-80\s+-70\s+-60\s+33,3\s%\s+66,7\s%/);
    expect(text).toContain('Voisin-Wifi — 5 GHz c.36 : 1 BSSID');
    // The three points lie in the corridor zone (y 9–12 m), whose voice profile asks −67 dBm: one point meets it.
    expect(text).toContain('Zone « Circulation » (5 GHz) : 1 point mesuré sur 3 atteint le signal principal exigé (-67 dBm).');
    // Without survey data the audit report is not offered.
    expect((await generateDeliverables(demo, resources, { now: NOW, documents: ['audit'] })).files.some((candidate) => candidate.name === 'rapport-audit.pdf')).toBe(false);
  });

  it('an empty study still gets a report that says what is missing; odd characters are safe', async () => {
    const document = structuredClone(demo);
    document.study.title = 'Étude <vide> & « spéciale » 🚀';
    document.accessPoints = [];
    document.walls = [];
    document.openings = [];
    document.coverageZones = [];
    document.levels[0]!.metersPerUnit = null;
    const { files } = await generateDeliverables(document, resources, { now: NOW });
    const text = (await pdfPages(files.find((candidate) => candidate.name === 'rapport-etude.pdf')!.bytes)).join('\n');
    expect(text).toContain('Étude <vide> & « spéciale » ?');
    expect(text).toContain('Élément manquant : Aucune borne placée.');
    expect(text).toContain('Élément manquant : Aucune zone de couverture.');
    expect(text).toContain('sans échelle');
    expect(text).toContain('Aucune prévision : aucune borne active');
    const svg = strFromU8(files.find((candidate) => candidate.name.endsWith('.svg'))!.bytes);
    expect(svg).toContain('Étude &lt;vide&gt; &amp; «\u00a0spéciale\u00a0» 🚀');
  });

  it('the frozen v1 study, stored without its plan file, still gets every document, which say the plan file is missing', async () => {
    const v1 = parseProjectJson(readFileSync(resolve(root, 'fixtures/project-format/v1-demo.json'), 'utf8'));
    const { files } = await generateDeliverables(v1, resources, { now: NOW });
    expect(files.filter((candidate) => candidate.name.endsWith('.pdf')).length).toBeGreaterThanOrEqual(4);
    const plan = (await pdfPages(files.find((candidate) => candidate.name.startsWith('plan-implantation') && candidate.name.endsWith('.pdf'))!.bytes)).join('\n');
    expect(plan).toContain('Fichier du plan absent de l’étude');
    expect(strFromU8(files.find((candidate) => candidate.name.endsWith('.svg'))!.bytes)).toContain('Fichier du plan absent');
  });
});
