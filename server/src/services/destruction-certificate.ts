/**
 * The certificate of destruction (CCTP §2.8): what was destroyed, when, by whom, after which export, with the count
 * of every table and the SHA-256 of every package; as a PDF for the file and a CSV for the administration's
 * spreadsheets (the format the contract names).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import Papa from 'papaparse';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const require = createRequire(import.meta.url);

export interface CertificateFacts {
  contract: string;
  destroyedAt: Date;
  operator: { name: string; email: string; organisation: string };
  database: 'PGlite' | 'PostgreSQL';
  export: { madeAt: Date; sha256: string; fingerprint: string };
  /** Label → rows destroyed, in the order printed. */
  counts: { label: string; rows: number }[];
  packages: { order: string; version: number; name: string; size: number; sha256: string }[];
}

export const TABLE_LABELS: Record<string, string> = {
  organisations: 'Organisations',
  users: 'Comptes d’accès',
  sessions: 'Sessions ouvertes',
  login_attempts: 'Tentatives de connexion journalisées',
  orders: 'Bons de commande',
  order_history: 'Lignes d’historique des commandes',
  deliverables: 'Livrables déposés (archives)',
  receptions: 'Décisions de réception',
  committees: 'Comités et comptes rendus',
  price_grids: 'Versions du bordereau des prix',
  quotes: 'Devis',
  quote_history: 'Lignes d’historique des devis',
  contract_exports: 'Exports de fin de marché',
};

const METHOD =
  'Toutes les tables des données du marché ont été vidées en une seule transaction (TRUNCATE : la base remplace les fichiers de ces tables par des fichiers vides et efface les anciens). Seul subsiste le présent certificat. Les sauvegardes et journaux de la base tenus par l’exploitant hors du portail sont à détruire selon sa procédure.';

const parisTime = (date: Date) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(date).replace(':', ' h ');

export function certificateCsv(facts: CertificateFacts): string {
  const block = (rows: (string | number)[][]) => Papa.unparse(rows, { delimiter: ';', newline: '\r\n' });
  const header = block([
    ['Certificat de destruction des données', ''],
    ['Marché', facts.contract],
    ['Date de la destruction', facts.destroyedAt.toISOString()],
    ['Opérée par', `${facts.operator.name} <${facts.operator.email}>, ${facts.operator.organisation}`],
    ['Base de données', facts.database],
    ['Export préalable — date', facts.export.madeAt.toISOString()],
    ['Export préalable — SHA-256 de l’archive', facts.export.sha256],
    ['Export préalable — empreinte des données', facts.export.fingerprint],
    ['Méthode', METHOD],
  ]);
  const counts = block([['Données détruites', 'Lignes'], ...facts.counts.map((count) => [count.label, count.rows])]);
  const packages = block([['Bon de commande', 'Version', 'Fichier', 'Taille (octets)', 'SHA-256'], ...facts.packages.map((item) => [item.order, item.version, item.name, item.size, item.sha256])]);
  return `\ufeff${header}\r\n\r\n${counts}\r\n\r\n${packages}\r\n`;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/** Lines of at most `width` points, cut at spaces (or inside a word longer than the line, e.g. a checksum). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function certificatePdf(facts: CertificateFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle('Certificat de destruction des données');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(facts.destroyedAt);
  const regular = await pdf.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')), { subset: true });
  const bold = await pdf.embedFont(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')), { subset: true });
  const ink = rgb(0.1, 0.1, 0.12);
  const muted = rgb(0.35, 0.35, 0.4);
  const width = A4.width - 2 * MARGIN;
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const room = (needed: number) => {
    if (y - needed >= MARGIN + 20) return;
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const paragraph = (text: string, options: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; after?: number; indent?: number } = {}) => {
    const size = options.size ?? 10;
    const font = options.font ?? regular;
    for (const line of wrap(text, font, size, width - (options.indent ?? 0))) {
      room(size * 1.4);
      page.drawText(line, { x: MARGIN + (options.indent ?? 0), y: y - size, size, font, color: options.color ?? ink });
      y -= size * 1.4;
    }
    y -= options.after ?? 4;
  };
  const field = (label: string, value: string, size = 10) => {
    const labelWidth = 170;
    const lines = wrap(value, regular, size, width - labelWidth);
    room(size * 1.4 * lines.length);
    page.drawText(label, { x: MARGIN, y: y - 10, size: 10, font: bold, color: ink });
    for (const line of lines) {
      page.drawText(line, { x: MARGIN + labelWidth, y: y - size, size, font: regular, color: ink });
      y -= size * 1.4;
    }
    y -= 3;
  };

  paragraph('Certificat de destruction des données', { font: bold, size: 18, after: 6 });
  paragraph('CCTP § 2.8 — outil de suivi des prestations, fin de marché', { color: muted, after: 14 });
  field('Marché', facts.contract);
  field('Date de la destruction', parisTime(facts.destroyedAt));
  field('Opérée par', `${facts.operator.name} (${facts.operator.email}), ${facts.operator.organisation}`);
  field('Base de données', facts.database);
  field('Export préalable', `réalisé le ${parisTime(facts.export.madeAt)}`);
  field('SHA-256 de l’export', facts.export.sha256, 7.5);
  field('Empreinte des données', facts.export.fingerprint, 7.5);
  y -= 8;
  paragraph('Données détruites', { font: bold, size: 12, after: 6 });
  for (const count of facts.counts) {
    room(14);
    page.drawText(count.label, { x: MARGIN, y: y - 10, size: 10, font: regular, color: ink });
    const value = new Intl.NumberFormat('fr-FR').format(count.rows).replace(/\u202f|\u00a0/g, '\u00a0');
    page.drawText(value, { x: MARGIN + 330 - regular.widthOfTextAtSize(value, 10), y: y - 10, size: 10, font: regular, color: ink });
    y -= 14;
  }
  y -= 10;
  paragraph(facts.packages.length === 0 ? 'Aucun livrable n’avait été déposé.' : `Livrables détruits (${facts.packages.length}) et leur somme SHA-256`, { font: bold, size: 12, after: 6 });
  for (const item of facts.packages) {
    room(30); // a package's line and its checksum stay on one page
    paragraph(`${item.order}, version ${item.version} — ${item.name} (${new Intl.NumberFormat('fr-FR').format(item.size).replace(/\u202f/g, '\u00a0')} octets)`, { size: 9, after: 0 });
    paragraph(item.sha256, { size: 8, color: muted, indent: 12, after: 4 });
  }
  y -= 10;
  paragraph('Méthode', { font: bold, size: 12, after: 6 });
  paragraph(METHOD, { size: 9.5, after: 24 });
  paragraph(`Pour le titulaire, ${facts.operator.name}, le ${parisTime(facts.destroyedAt)}.`, { after: 4 });
  paragraph('Signature :', { after: 4 });
  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    const text = `Certificat de destruction — page ${index + 1} sur ${pages.length}`;
    each.drawText(text, { x: A4.width - MARGIN - regular.widthOfTextAtSize(text, 8), y: MARGIN / 2, size: 8, font: regular, color: muted });
  });
  return pdf.save();
}
