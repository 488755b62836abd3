/**
 * The three-level fixture's deliverables, read as the ministry's reviewer reads them: one plan file per level in
 * three formats whatever the plan's kind (vector PDF, PNG, SVG), an analysis that finds the co-channel interference
 * through the slab and advises a channel change, and French typography in every text of every document.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { nodeReportResources } from '../../../scripts/report-resources.ts';
import { typographyFaults } from '../../../src/i18n/typography.ts';
import { unpackProject } from '../../../src/io/project-package.ts';
import { generateDeliverables } from '../../../src/report/deliverables.ts';
import { PdfWriter } from '../../../src/report/pdf/pdf-writer.ts';

const root = resolve(import.meta.dirname, '../../..');
const study = await unpackProject(new Uint8Array(readFileSync(resolve(root, 'fixtures/projects/tribunal-trois-niveaux.ondeplan'))));

// Every string the PDFs draw, as drawn (after the writer's typographic pass).
const drawn: { text: string; document: string }[] = [];
const originalText = PdfWriter.prototype.text;
const spy = vi.spyOn(PdfWriter.prototype, 'text').mockImplementation(function (this: PdfWriter, text, x, y, size, options) {
  drawn.push({ text: this.safe(text), document: this.pdf.getTitle() ?? '' });
  return originalText.call(this, text, x, y, size, options);
});
const { files } = await generateDeliverables(study.document, await nodeReportResources(), { now: new Date('2026-11-20T16:00:00Z'), assets: study.assets });
spy.mockRestore();
const file = (name: string) => files.find((candidate) => candidate.name === name)!.bytes;

describe('livrables d’une étude sur trois niveaux', () => {
  it('donne un plan d’implantation par niveau en PDF, ODG, VSDX, SVG et PNG, quel que soit le format du plan fourni', () => {
    for (const level of ['01-rez-de-chaussee-accueil', '02-1er-etage-pole-civil', '03-2e-etage-pole-penal']) {
      for (const extension of ['pdf', 'odg', 'vsdx', 'svg', 'png']) expect(files.some((candidate) => candidate.name === `plan-implantation-${level}.${extension}`), `${level}.${extension}`).toBe(true);
    }
    // The ground floor's plan is a vector PDF: its page is embedded as a form (its text stays text), not as a picture.
    const groundFloor = strFromU8(file('plan-implantation-01-rez-de-chaussee-accueil.pdf'), true);
    expect(groundFloor).toMatch(/\/Subtype\s*\/Form/);
    // The PNG plan (first floor) and the SVG plan (second floor) keep their pictures in the SVG files.
    expect(strFromU8(file('plan-implantation-02-1er-etage-pole-civil.svg'))).toContain('data:image/png;base64,');
    expect(strFromU8(file('plan-implantation-03-2e-etage-pole-penal.svg'))).toContain('2e étage, pôle pénal — plan SVG');
  });

  it('l’analyse trouve l’interférence co-canal à travers la dalle et propose un changement de canal, pas une borne de plus', () => {
    const analysis = drawn.filter((entry) => entry.document.startsWith('Rapport d’analyse')).map((entry) => entry.text).join(' ').replace(/[\u00a0\u202f]/g, ' ');
    // AP-N2-02 (channel 52) sits right above AP-N1-02 (channel 52) on 5 GHz.
    expect(analysis).toMatch(/AP-N2-02 du niveau « 2e étage — pôle pénal » \(canal 52/);
    expect(analysis).toMatch(/passer AP-N[12]-02 du canal 52 au canal \d+/);
    expect(analysis).not.toMatch(/Interférence co-canal[^]*ajouter ou déplacer une borne/);
    // Zones meeting their profile collapse into one line.
    expect(analysis.match(/Satisfaits \(\d+ évaluations/g)).toHaveLength(1);
  });

  it('marque chaque page « Diffusion restreinte » quand l’étude le demande', () => {
    const marked = drawn.filter((entry) => entry.text === 'DIFFUSION RESTREINTE').length;
    const pages = files.filter((candidate) => candidate.name.endsWith('.pdf')).reduce((sum, candidate) => sum + Number((strFromU8(candidate.bytes, true).match(/\/Type\s*\/Page[^s]/g) ?? []).length), 0);
    expect(marked).toBeGreaterThanOrEqual(pages);
  });

  it('respecte la typographie française dans tous les textes de tous les documents', async () => {
    const faults = drawn.flatMap((entry) => typographyFaults(entry.text).map((fault) => `${entry.document} : ${fault}`));
    for (const name of files.map((candidate) => candidate.name).filter((candidate) => candidate.endsWith('.svg'))) {
      // Our own texts: the plan the administration supplied is inlined as it is, between two markers.
      const own = strFromU8(file(name)).replace(/<!--plan fourni-->[^]*?<!--fin du plan fourni-->/g, '');
      const texts = [...own.matchAll(/<(text|tspan|title)[^>]*>([^<]*)</g)].map((match) => match[2]!);
      faults.push(...texts.flatMap((text) => typographyFaults(text).map((fault) => `${name} : ${fault}`)));
    }
    for (const name of files.map((candidate) => candidate.name).filter((candidate) => /\.(odg|vsdx)$/.test(candidate))) {
      const parts = unzipSync(file(name));
      const xml = name.endsWith('.odg') ? strFromU8(parts['content.xml']!) : strFromU8(parts['visio/pages/page1.xml']!);
      const texts = [...xml.matchAll(name.endsWith('.odg') ? /<text:span[^>]*>([^<]*)</g : /<Text>([^<]*)</g)].map((match) => match[1]!);
      expect(texts.length, name).toBeGreaterThan(10);
      faults.push(...texts.flatMap((text) => typographyFaults(text).map((fault) => `${name} : ${fault}`)));
    }
    const ods = strFromU8(unzipSync(file('liste-materiel.ods'))['content.xml']!);
    faults.push(...[...ods.matchAll(/<text:p>([^<]*)<\/text:p>/g)].flatMap((match) => typographyFaults(match[1]!).map((fault) => `liste-materiel.ods : ${fault}`)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file('liste-materiel.xlsx').slice().buffer as ArrayBuffer);
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string') faults.push(...typographyFaults(cell.value).map((fault) => `liste-materiel.xlsx : ${fault}`));
    })));
    expect([...new Set(faults)]).toEqual([]);
    expect(drawn.length).toBeGreaterThan(2000);
  });

  it('écrit les espaces insécables dans la couche texte des PDF (table ToUnicode), pas seulement à l’affichage', () => {
    const pdf = Buffer.from(file('rapport-analyse.pdf'));
    const maps: string[] = [];
    for (const match of pdf.toString('latin1').matchAll(/stream\r?\n/g)) {
      const start = match.index + match[0].length;
      const end = pdf.indexOf('endstream', start);
      try {
        const text = inflateSync(pdf.subarray(start, end)).toString('latin1');
        if (text.includes('beginbfchar')) maps.push(text);
      } catch {
        // Not a Flate stream.
      }
    }
    expect(maps.join('\n')).toMatch(/<[0-9A-F]{4}> <00A0>/);
    expect(maps.join('\n')).toMatch(/<[0-9A-F]{4}> <2212>/);
  });
});
