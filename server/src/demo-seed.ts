/**
 * The demo portal, created at the first start on an empty database: the contractor, the DNUM reviewers' bureau and
 * two DITs, one account per role with a generated password printed once in the console, three orders (one for
 * the demo study), two committees, and the sample price grid with invented prices. Never run when the database already has accounts.
 */
import { randomBytes } from 'node:crypto';
import type { PortalDatabase } from './db/database.ts';
import type { Role } from './db/schema.ts';
import { createAccount, createOrganisation } from './services/auth-service.ts';
import { createOrder } from './services/order-service.ts';
import { planCommittee } from './services/committee-service.ts';
import { importPriceGrid } from './services/price-grid-service.ts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export async function seedDemoIfEmpty(db: PortalDatabase, print: (line: string) => void): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).execute();
  if (existing.length > 0) return false;
  const contractor = await createOrganisation(db, { name: 'Titulaire du marché (démonstration)', kind: 'titulaire' });
  const dnum = await createOrganisation(db, { name: 'DNUM — bureau des infrastructures (démonstration)', kind: 'administration' });
  const villeneuve = await createOrganisation(db, { name: 'DIT de démonstration', kind: 'administration', dit: 'DIT de démonstration' });
  const people: { email: string; name: string; role: Role; organisationId: string }[] = [
    { email: 'gestion@titulaire.demo', name: 'Marie Lefèvre', role: 'gestionnaire', organisationId: contractor },
    { email: 'radio@titulaire.demo', name: 'Julien Bernard', role: 'ingenieur', organisationId: contractor },
    { email: 'relecture@justice.demo', name: 'Sophie Garnier', role: 'relecteur', organisationId: dnum },
    { email: 'dit@justice.demo', name: 'Claire Martin', role: 'correspondant', organisationId: villeneuve },
    { email: 'admin@titulaire.demo', name: 'Antoine Roux', role: 'administrateur', organisationId: contractor },
  ];
  print('Portail de suivi : comptes de démonstration (mots de passe générés, affichés une seule fois) :');
  const ids: Record<string, string> = {};
  for (const person of people) {
    const password = randomBytes(12).toString('base64url');
    ids[person.role] = await createAccount(db, { organisationId: person.organisationId, email: person.email, displayName: person.name, role: person.role, password });
    print(`  ${person.role.padEnd(14)} ${person.email.padEnd(26)} ${password}`);
  }
  const manager = { id: ids.gestionnaire!, role: 'gestionnaire' as const, organisationKind: 'titulaire' as const, dit: null };
  const orders = [
    { number: 'BC-2026-0001', entityKind: 'juridiction', entityName: 'Tribunal judiciaire de Villeneuve (fictif)', dit: 'DIT de démonstration', service: '4.1.6 Étude / audit de réseau sans fil — étude sur plan', complexity: 'Moyenne', legalCommitment: 'EJ-DEMO-0001', quoteNumber: 'DEV-DEMO-001', orderedDays: 5, amountHt: 4250, orderedOn: '2026-11-02', dueOn: '2026-11-09' },
    { number: 'BC-2026-0002', entityKind: 'juridiction', entityName: 'Cour d’appel de Villeneuve (fictive)', dit: 'DIT de démonstration', service: '4.1.6 Étude / audit de réseau sans fil — audit sur site', complexity: 'Complexe', legalCommitment: 'EJ-DEMO-0002', quoteNumber: 'DEV-DEMO-002', orderedDays: 10, amountHt: 8900, orderedOn: '2026-11-16', dueOn: '2026-11-30' },
    { number: 'BC-2026-0003', entityKind: 'service', entityName: 'Service pénitentiaire d’insertion (fictif)', dit: 'DIT du Nord (fictive)', service: '4.1.6 Étude / audit de réseau sans fil — étude sur site', complexity: 'Simple', legalCommitment: 'EJ-DEMO-0003', quoteNumber: 'DEV-DEMO-003', orderedDays: 1, amountHt: 850, orderedOn: '2026-11-20', dueOn: '2026-11-21' },
  ];
  for (const order of orders) await createOrder(db, manager, order);
  // Committees around the first start: last week's operations committee awaits its minutes, the steering one is ahead.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await planCommittee(db, manager, { kind: 'exploitation', dit: 'DIT de démonstration', heldOn: day(-7), agenda: 'Projets en cours et à venir ; bilan des opérations ; propositions d’amélioration.' });
  await planCommittee(db, manager, { kind: 'pilotage', heldOn: day(21), agenda: 'Situation des projets en région ; projets nationaux ; état de la facturation ; propositions d’amélioration.' });
  // The sample price grid (invented prices, marked as such) so that quotes can be priced at once.
  const grid = resolve(process.cwd(), 'fixtures/contract/bpu-exemple-prix-fictifs.csv');
  if (existsSync(grid)) await importPriceGrid(db, manager, new Uint8Array(readFileSync(grid)), 'bpu-exemple-prix-fictifs.csv');
  return true;
}
