/**
 * The certificate of destruction (CCTP §2.8): what was destroyed, when, by whom, after which export, with the count
 * of every table and the SHA-256 of every package; as a PDF for the file and a CSV for the administration's
 * spreadsheets (the format the contract names).
 */
import Papa from 'papaparse';
import { A4Writer } from '../pdf/a4-writer.ts';

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

export async function certificatePdf(facts: CertificateFacts): Promise<Uint8Array> {
  const writer = await A4Writer.create('Certificat de destruction des données', facts.destroyedAt);
  const count = (value: number) => new Intl.NumberFormat('fr-FR').format(value).replace(/\u202f/g, '\u00a0');
  writer.paragraph('Certificat de destruction des données', { bold: true, size: 18, after: 6 });
  writer.paragraph('CCTP § 2.8 — outil de suivi des prestations, fin de marché', { muted: true, after: 14 });
  writer.field('Marché', facts.contract);
  writer.field('Date de la destruction', parisTime(facts.destroyedAt));
  writer.field('Opérée par', `${facts.operator.name} (${facts.operator.email}), ${facts.operator.organisation}`);
  writer.field('Base de données', facts.database);
  writer.field('Export préalable', `réalisé le ${parisTime(facts.export.madeAt)}`);
  writer.field('SHA-256 de l’export', facts.export.sha256, { size: 7.5 });
  writer.field('Empreinte des données', facts.export.fingerprint, { size: 7.5 });
  writer.heading('Données détruites');
  writer.table(
    [
      { title: 'Données', width: 330 },
      { title: 'Lignes', width: 80, align: 'right' },
    ],
    facts.counts.map((entry) => [entry.label, count(entry.rows)]),
    { size: 9.5 },
  );
  if (facts.packages.length === 0) writer.heading('Aucun livrable n’avait été déposé.');
  else {
    writer.heading(`Livrables détruits (${facts.packages.length}) et leur somme SHA-256`);
    for (const item of facts.packages) {
      writer.room(30); // a package's line and its checksum stay on one page
      writer.paragraph(`${item.order}, version ${item.version} — ${item.name} (${count(item.size)} octets)`, { size: 9, after: 0 });
      writer.paragraph(item.sha256, { size: 8, muted: true, indent: 12, after: 4 });
    }
  }
  writer.heading('Méthode');
  writer.paragraph(METHOD, { size: 9.5, after: 24 });
  writer.paragraph(`Pour le titulaire, ${facts.operator.name}, le ${parisTime(facts.destroyedAt)}.`, { after: 4 });
  writer.paragraph('Signature :', { after: 4 });
  return writer.save('Certificat de destruction');
}
