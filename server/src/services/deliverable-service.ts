/**
 * Delivering and receiving: the contractor sends the study's ZIP with its MD5 to an order; the package is checked,
 * then stored with its record, the order's status and its history line in one transaction. The administration
 * (a DNUM reviewer, or the order's DIT correspondent) pronounces reception: admitted, admitted with reservations, or
 * refused with reasons; a refused order can be delivered again.
 */
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { PortalDatabase } from '../db/database.ts';
import { DECISIONS, type Decision } from '../db/schema.ts';
import { findDeliverable, insertDeliverable, insertReception, listDeliverables, nextVersion, receptionsOf } from '../queries/deliverables.ts';
import { appendHistory, updateOrder } from '../queries/orders.ts';
import { PortalError } from './errors.ts';
import { orderFor } from './order-service.ts';
import { checkPackage } from './package-check.ts';
import { deliverableChecklist, serviceNumberOf } from '../catalogue/deliverable-checklist.ts';
import { can, type Actor } from './permissions.ts';

export async function deliver(db: PortalDatabase, actor: Actor, orderId: string, zip: Uint8Array, md5Text: string, zipName: string) {
  const order = await orderFor(db, actor, orderId);
  if (!can.deliver(actor)) throw new PortalError(403, 'Seul le titulaire dépose des livrables.');
  if (order.status !== 'en-cours' && order.status !== 'refuse' && order.status !== 'livre') throw new PortalError(409, 'Cette commande est réceptionnée ou soldée : plus de dépôt possible.');
  const checked = checkPackage(zip, md5Text);
  const name = /^[\w .()’'-]{1,200}\.zip$/i.test(zipName) ? zipName : 'livrables.zip';
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const version = await nextVersion(trx, orderId);
    await insertDeliverable(trx, { id, order_id: orderId, version, zip_name: name, zip, size: zip.byteLength, md5: checked.md5, sha256: checked.sha256, files: checked.files, uploaded_by: actor.id });
    await updateOrder(trx, orderId, { status: 'livre' });
    await appendHistory(trx, { order_id: orderId, user_id: actor.id, action: 'depot', detail: { version, file: name, md5: checked.md5, files: checked.files.length } });
  });
  return id;
}

export async function deliverablesFor(db: PortalDatabase, actor: Actor, orderId: string) {
  const order = await orderFor(db, actor, orderId);
  const deliverables = await listDeliverables(db, orderId);
  const number = serviceNumberOf(order.service);
  // The catalogue's expected deliverables against the latest package (none delivered yet: every item open).
  const checklist = number ? deliverableChecklist(number, deliverables.at(-1)?.files.map((file) => file.name) ?? []) : [];
  return { deliverables, receptions: await receptionsOf(db, orderId), checklist };
}

/** A delivered package (the ZIP) or one of its files (the PDFs the reviewer previews), if the actor sees its order. */
export async function deliverableContent(db: PortalDatabase, actor: Actor, deliverableId: string, fileName?: string): Promise<{ name: string; bytes: Uint8Array }> {
  const deliverable = await findDeliverable(db, deliverableId);
  if (!deliverable) throw new PortalError(404, 'Livrable introuvable.');
  await orderFor(db, actor, deliverable.order_id);
  if (!fileName) return { name: deliverable.zip_name, bytes: deliverable.zip };
  const entries = unzipSync(deliverable.zip, { filter: (entry) => entry.name === fileName });
  const bytes = entries[fileName];
  if (!bytes) throw new PortalError(404, `Fichier « ${fileName} » absent de ce livrable.`);
  return { name: fileName, bytes };
}

export async function receive(db: PortalDatabase, actor: Actor, orderId: string, input: Record<string, unknown>) {
  const order = await orderFor(db, actor, orderId);
  if (!can.receive(actor)) throw new PortalError(403, 'Seule l’administration prononce la réception d’un livrable.');
  const decision = input.decision;
  if (typeof decision !== 'string' || !(DECISIONS as readonly string[]).includes(decision)) throw new PortalError(400, 'Décision attendue : « admis », « admis-reserves » ou « refuse ».');
  const reasons = typeof input.reasons === 'string' ? input.reasons.trim().slice(0, 5000) : '';
  if (decision !== 'admis' && reasons === '') throw new PortalError(400, decision === 'refuse' ? 'Un refus doit être motivé : indiquez les motifs.' : 'Précisez les réserves.');
  if (order.status !== 'livre') throw new PortalError(409, 'Aucun livrable en attente de réception sur cette commande.');
  const latest = (await listDeliverables(db, orderId)).at(-1);
  if (!latest || (typeof input.deliverableId === 'string' && input.deliverableId !== latest.id)) throw new PortalError(409, 'La réception porte sur le dernier livrable déposé.');
  await db.transaction().execute(async (trx) => {
    await insertReception(trx, { id: randomUUID(), deliverable_id: latest.id, decision: decision as Decision, reasons, decided_by: actor.id });
    await updateOrder(trx, orderId, { status: decision === 'refuse' ? 'refuse' : 'receptionne' });
    await appendHistory(trx, { order_id: orderId, user_id: actor.id, action: 'reception', detail: { version: latest.version, decision, reasons } });
  });
}
