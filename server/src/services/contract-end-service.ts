/**
 * End of contract (CCTP §2.8, §4.5): the portal's administrator exports every record and file, then destroys them all;
 * a certificate of destruction (PDF and CSV) is what remains. The destruction names the export it follows (its
 * SHA-256) and is refused if anything changed since, so nothing is destroyed that was not handed over.
 */
import { createHash, randomUUID } from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';
import type { PortalDatabase } from '../db/database.ts';
import { countRows, deliverableBytes, emptyAllTables, minutesBytes, insertCertificate, insertExport, latestCertificate, latestExport, readRecords, reclaimSpace, type ContractRecords } from '../queries/contract-end.ts';
import { certificateCsv, certificatePdf, TABLE_LABELS, type CertificateFacts } from './destruction-certificate.ts';
import { PortalError } from './errors.ts';
import { can, type Actor } from './permissions.ts';

export const DESTRUCTION_PHRASE = 'DÉTRUIRE TOUTES LES DONNÉES';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Dates as ISO strings and JSON columns as text: the same records give the same CSV, JSON and fingerprint. */
function plain(value: unknown): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}
const plainRows = (rows: readonly object[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plain(value)])));

export const fingerprintOf = (records: ContractRecords) => sha256(JSON.stringify(Object.entries(records).map(([name, rows]) => [name, plainRows(rows)])));

const safeSegment = (text: string) => text.replace(/[^\w.()' -]+/g, '_').slice(0, 120) || 'sans-nom';

function requireAdministrator(actor: Actor) {
  if (!can.endContract(actor)) throw new PortalError(403, 'Seul l’administrateur du portail (titulaire) exporte ou détruit les données de fin de marché.');
}

export async function exportContract(db: PortalDatabase, actor: Actor & { name: string }, now: Date): Promise<{ name: string; bytes: Uint8Array; sha256: string }> {
  requireAdministrator(actor);
  const records = await readRecords(db);
  const files: Zippable = {};
  const manifest: { path: string; size: number; sha256: string }[] = [];
  const add = (path: string, bytes: Uint8Array, compress = true) => {
    files[path] = [bytes, { level: compress ? 6 : 0, mtime: now }];
    manifest.push({ path, size: bytes.byteLength, sha256: sha256(bytes) });
  };
  for (const [table, rows] of Object.entries(records)) {
    const plainTable = plainRows(rows);
    add(`donnees/${table}.json`, strToU8(`${JSON.stringify(plainTable, null, 2)}\n`));
    // An empty table gives an empty file.
    add(`donnees/${table}.csv`, strToU8(rows.length === 0 ? '\ufeff' : `\ufeff${Papa.unparse(plainTable, { delimiter: ';', newline: '\r\n', columns: Object.keys(plainTable[0]!) })}\r\n`));
  }
  const numbers = new Map(records.commandes.map((order) => [order.id, order.number]));
  for (const item of records.livrables) {
    const bytes = await deliverableBytes(db, item.id);
    // A package is checked on the way out as it was on the way in.
    if (sha256(bytes) !== item.sha256) throw new PortalError(500, `Le livrable ${item.zip_name} (version ${item.version}) ne correspond plus à sa somme SHA-256 : export interrompu, prévenez l’administrateur de la base.`);
    add(`livrables/${safeSegment(numbers.get(item.order_id) ?? item.order_id)}/v${item.version}-${safeSegment(item.zip_name)}`, bytes, false);
  }
  for (const committee of records.comites) {
    const bytes = committee.minutes_name ? await minutesBytes(db, committee.id) : null;
    if (bytes) add(`comites/${committee.held_on}-${committee.kind}${committee.dit ? `-${safeSegment(committee.dit)}` : ''}-${safeSegment(committee.minutes_name!)}`, bytes, false);
  }
  const counts = Object.fromEntries(Object.entries(records).map(([table, rows]) => [table, rows.length]));
  const fingerprint = fingerprintOf(records);
  const readme = [
    'Export de fin de marché — outil de suivi des prestations (CCTP § 2.8)',
    '',
    `Réalisé le ${now.toISOString()} par ${actor.name}.`,
    `Empreinte des données (SHA-256 des enregistrements) : ${fingerprint}`,
    '',
    'donnees/*.csv   une table par fichier, séparateur point-virgule, UTF-8 avec BOM (tableurs français)',
    'donnees/*.json  les mêmes tables en JSON (dates ISO 8601, UTC)',
    'livrables/      chaque archive déposée, telle que reçue, rangée par bon de commande et version',
    'comites/        le dernier compte rendu (PDF) de chaque comité',
    'manifeste.csv   chaque fichier de l’export avec sa taille et sa somme SHA-256',
    '',
    'Les empreintes de mots de passe et les sessions ne sont pas exportées : ce sont des secrets, pas des données du marché.',
    ...Object.entries(counts).map(([table, count]) => `${table} : ${count}`),
    '',
  ].join('\r\n');
  add('LISEZMOI.txt', strToU8(readme));
  files['manifeste.csv'] = [strToU8(`\ufeff${Papa.unparse([['fichier', 'octets', 'sha256'], ...manifest.map((entry) => [entry.path, entry.size, entry.sha256])], { delimiter: ';', newline: '\r\n' })}\r\n`), { mtime: now }];
  const bytes = zipSync(files);
  const digest = sha256(bytes);
  await insertExport(db, { id: randomUUID(), made_by: actor.id, sha256: digest, fingerprint, counts });
  return { name: `export-fin-de-marche-${now.toISOString().slice(0, 10)}.zip`, bytes, sha256: digest };
}

export async function destroyContractData(
  db: PortalDatabase,
  actor: Actor & { name: string; email: string; organisation: string },
  input: Record<string, unknown>,
  context: { now: Date; contract: string; database: 'PGlite' | 'PostgreSQL' },
): Promise<{ name: string; bytes: Uint8Array }> {
  requireAdministrator(actor);
  if (input.confirmation !== DESTRUCTION_PHRASE) throw new PortalError(400, `Pour confirmer, saisissez exactement « ${DESTRUCTION_PHRASE} ».`);
  const exported = await latestExport(db);
  if (!exported) throw new PortalError(409, 'Aucun export n’a été fait : exportez toutes les données avant de les détruire.');
  if (input.exportSha256 !== exported.sha256) throw new PortalError(409, 'La somme SHA-256 indiquée n’est pas celle du dernier export : indiquez celle de l’export remis à l’administration.');
  const certificate = await db.transaction().execute(async (trx) => {
    const records = await readRecords(trx);
    if (fingerprintOf(records) !== exported.fingerprint) throw new PortalError(409, 'Des données ont changé depuis le dernier export : exportez-les de nouveau, puis détruisez-les.');
    const counts = await countRows(trx);
    const numbers = new Map(records.commandes.map((order) => [order.id, order.number]));
    const facts: CertificateFacts = {
      contract: context.contract,
      destroyedAt: context.now,
      operator: { name: actor.name, email: actor.email, organisation: actor.organisation },
      database: context.database,
      export: { madeAt: new Date(exported.made_at), sha256: exported.sha256, fingerprint: exported.fingerprint },
      counts: Object.entries(TABLE_LABELS).map(([table, label]) => ({ label, rows: counts[table] ?? 0 })),
      packages: records.livrables.map((item) => ({ order: numbers.get(item.order_id) ?? item.order_id, version: item.version, name: item.zip_name, size: item.size, sha256: item.sha256 })),
    };
    const pdf = await certificatePdf(facts);
    const csv = certificateCsv(facts);
    await emptyAllTables(trx);
    await insertCertificate(trx, { id: randomUUID(), pdf, csv });
    return { pdf, csv };
  });
  await reclaimSpace(db);
  return certificateArchive(certificate, context.now);
}

function certificateArchive(certificate: { pdf: Uint8Array; csv: string }, date: Date) {
  const day = date.toISOString().slice(0, 10);
  return { name: `certificat-de-destruction-${day}.zip`, bytes: zipSync({ [`certificat-de-destruction-${day}.pdf`]: [certificate.pdf, { level: 0 }], [`certificat-de-destruction-${day}.csv`]: strToU8(certificate.csv) }) };
}

/** The last certificate again (command line: the destruction leaves no account to sign in with). */
export async function storedCertificate(db: PortalDatabase) {
  const row = await latestCertificate(db);
  return row ? certificateArchive({ pdf: row.pdf, csv: row.csv }, new Date(row.destroyed_at)) : null;
}
