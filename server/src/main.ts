/**
 * The portal's command line:
 *   npm run portal                      serve (PGlite in .ondeplan-portail/ or DATABASE_URL), port PORTAL_PORT (8787);
 *                                       an empty database gets the demo accounts and orders (PORTAL_DEMO=0: not)
 *   npm run portal -- create-admin <email> "<nom>" <organisation>
 *                                       creates the first administrator; the password is generated and printed once
 *   npm run portal -- certificate <dossier>
 *                                       writes the last certificate of destruction (PDF and CSV) into a folder
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildPortal } from './http/app.ts';
import { createAccount, createOrganisation } from './services/auth-service.ts';
import { seedDemoIfEmpty } from './demo-seed.ts';
import { storedCertificate } from './services/contract-end-service.ts';

const dataDir = resolve(process.env.PORTAL_DATA_DIR ?? '.ondeplan-portail');

async function database() {
  const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir });
  await migrateToLatest(db);
  return db;
}

/** A password that meets the policy, for accounts created from the command line (never a fixed default). */
export const generatedPassword = () => randomBytes(18).toString('base64url');

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'create-admin') {
    const [email, name, organisation] = args;
    if (!email || !name || !organisation) throw new Error('Usage : npm run portal -- create-admin <adresse> "<nom>" "<organisation>"');
    const db = await database();
    const password = generatedPassword();
    const organisationId = await createOrganisation(db, { name: organisation, kind: 'titulaire' });
    await createAccount(db, { organisationId, email, displayName: name, role: 'administrateur', password });
    console.log(`Administrateur ${email} créé. Mot de passe (affiché une seule fois) : ${password}`);
    await db.destroy();
    return;
  }
  if (command === 'certificate') {
    const [folder] = args;
    if (!folder) throw new Error('Usage : npm run portal -- certificate <dossier>');
    const db = await database();
    const certificate = await storedCertificate(db);
    await db.destroy();
    if (!certificate) throw new Error('Aucun certificat de destruction dans cette base : les données n’ont pas été détruites.');
    mkdirSync(folder, { recursive: true });
    for (const [name, bytes] of Object.entries(unzipSync(certificate.bytes))) writeFileSync(join(folder, name), bytes);
    console.log(`Certificat de destruction écrit dans ${resolve(folder)}`);
    return;
  }
  const db = await database();
  if (process.env.PORTAL_DEMO !== '0') await seedDemoIfEmpty(db, (line) => console.log(line));
  const app = await buildPortal({ db, secureCookies: process.env.PORTAL_SECURE_COOKIES === '1', contractMaximumHt: process.env.PORTAL_CONTRACT_MAX_HT ? Number(process.env.PORTAL_CONTRACT_MAX_HT) : null,
    ...(process.env.PORTAL_CONTRACT ? { contractName: process.env.PORTAL_CONTRACT } : {}),
    databaseKind: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite',
  });
  const port = Number(process.env.PORTAL_PORT ?? 8787);
  await app.listen({ port, host: process.env.PORTAL_HOST ?? '127.0.0.1' });
  // A stop request finishes the requests under way and closes the database cleanly (PGlite writes its folder).
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, () => {
      void app
        .close()
        .then(() => db.destroy())
        .finally(() => process.exit(0));
    });
  console.log(`Portail de suivi sur http://127.0.0.1:${port} (${process.env.DATABASE_URL ? 'PostgreSQL' : `PGlite, ${dataDir}`})`);
}

if (process.argv[1]?.endsWith('main.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
