/**
 * Quotes (§2.4): the contractor's manager answers a need statement with a quote priced in work units of a price grid
 * version, due 5 working days after the request; the administration asks for an adjustment or validates it, and the
 * validated quote becomes the order (with the administration's purchase order and legal commitment numbers). Every
 * change is a line of the quote's append-only history; the order's history starts with the quote it came from.
 */
import { randomUUID } from 'node:crypto';
import type { PortalDatabase } from '../db/database.ts';
import type { QuoteStudy } from '../db/schema.ts';
import { isTerritory, type Territory } from '../calendar/territories.ts';
import { findService } from '../catalogue/catalogue.ts';
import { findPriceGrid, latestPriceGrid, appendQuoteHistory, quoteAuthorOrganisation, findQuote, insertQuote, listQuotes, quoteHistory, quotesOfYear, updateQuote } from '../queries/quotes.ts';
import { appendHistory, insertOrder } from '../queries/orders.ts';
import { isOutOfHoursSlot } from '../quotes/price-grid.ts';
import { quotePdf, type QuoteDocument } from '../quotes/quote-pdf.ts';
import { quoteXlsx } from '../quotes/quote-xlsx.ts';
import { durationWarnings, priceQuote, QuotePricingError, quoteDeadline, type QuoteLineInput } from '../quotes/quote-pricing.ts';
import { PortalError } from './errors.ts';
import { can, canSeeOrder, visibleDit, type Actor } from './permissions.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown, field: string, max = 300): string => {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) throw new PortalError(400, `Champ « ${field} » manquant ou trop long (${max} caractères au plus).`);
  return value.trim();
};
const optionalText = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');
const day = (value: unknown, field: string, required: boolean): string | null => {
  if ((value === undefined || value === null || value === '') && !required) return null;
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value))) throw new PortalError(400, `Champ « ${field} » : une date AAAA-MM-JJ est attendue.`);
  return value;
};

function linesOf(value: unknown): QuoteLineInput[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 50) throw new PortalError(400, 'Un devis a de 1 à 50 lignes.');
  return value.map((raw, index) => {
    const line = (raw ?? {}) as Record<string, unknown>;
    if (typeof line.service !== 'string' || !findService(line.service)) throw new PortalError(400, `Ligne ${index + 1} : prestation inconnue du catalogue.`);
    if (typeof line.level !== 'string') throw new PortalError(400, `Ligne ${index + 1} : niveau (complexité, forfait ou demi-journée) attendu.`);
    if (typeof line.quantity !== 'number') throw new PortalError(400, `Ligne ${index + 1} : quantité d’UO attendue.`);
    if (line.outOfHours !== undefined && line.outOfHours !== null && line.outOfHours !== '' && !isOutOfHoursSlot(line.outOfHours)) throw new PortalError(400, `Ligne ${index + 1} : tranche HNO inconnue.`);
    return { service: line.service, level: line.level, quantity: line.quantity, outOfHours: isOutOfHoursSlot(line.outOfHours) ? line.outOfHours : null };
  });
}

function studyOf(value: unknown): QuoteStudy | null {
  if (!value || typeof value !== 'object') return null;
  const study = value as Record<string, unknown>;
  if (typeof study.name !== 'string' || typeof study.surfaceM2 !== 'number' || !Number.isFinite(study.surfaceM2)) return null;
  return { name: study.name.slice(0, 200), nature: optionalText(study.nature, 100), surfaceM2: Math.max(0, study.surfaceM2), levels: typeof study.levels === 'number' ? study.levels : 1, projectId: typeof study.projectId === 'string' ? study.projectId.slice(0, 100) : null };
}

async function grid(db: PortalDatabase, id: unknown) {
  const row = typeof id === 'string' && id ? await findPriceGrid(db, id) : await latestPriceGrid(db);
  if (!row) throw new PortalError(409, 'Aucun bordereau des prix : le gestionnaire doit d’abord en importer un.');
  return row;
}

function price(content: Parameters<typeof priceQuote>[0], territory: Territory, lines: QuoteLineInput[]) {
  try {
    return priceQuote(content, territory, lines);
  } catch (error) {
    if (error instanceof QuotePricingError) throw new PortalError(400, error.message);
    throw error;
  }
}

function describe(quote: NonNullable<Awaited<ReturnType<typeof findQuote>>> | Awaited<ReturnType<typeof listQuotes>>[number], today: string) {
  const dueOn = quoteDeadline(quote.requested_on, quote.territory);
  const sentOn = quote.sent_at ? new Date(quote.sent_at).toISOString().slice(0, 10) : null;
  return {
    ...quote,
    dueOn,
    late: sentOn === null ? (quote.status === 'brouillon' || quote.status === 'a-ajuster') && today > dueOn : sentOn > dueOn,
    warnings: durationWarnings(quote.lines, { start: quote.wanted_start, end: quote.wanted_end }, quote.territory),
  };
}

export async function quotesFor(db: PortalDatabase, actor: Actor, today: string) {
  return (await listQuotes(db, visibleDit(actor))).map((quote) => describe(quote, today));
}

async function visibleQuote(db: PortalDatabase, actor: Actor, id: string) {
  const quote = await findQuote(db, id);
  if (!quote || !canSeeOrder(actor, quote)) throw new PortalError(404, 'Devis introuvable.');
  return quote;
}

export async function quoteFor(db: PortalDatabase, actor: Actor, id: string, today: string) {
  const quote = await visibleQuote(db, actor, id);
  return { quote: describe(quote, today), history: await quoteHistory(db, id) };
}

async function nextNumber(db: PortalDatabase, year: number): Promise<string> {
  const taken = (await quotesOfYear(db, year)).map((row) => Number(row.number.split('-')[2]) || 0);
  return `DEV-${year}-${String(Math.max(0, ...taken) + 1).padStart(4, '0')}`;
}

export async function createQuote(db: PortalDatabase, actor: Actor, input: Record<string, unknown>, now: Date): Promise<{ id: string; number: string }> {
  if (!can.prepareQuote(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire établit un devis.');
  const territory = input.territory ?? 'metropole';
  if (!isTerritory(territory)) throw new PortalError(400, 'Territoire inconnu.');
  const lines = linesOf(input.lines);
  const gridRow = await grid(db, input.gridId);
  const priced = price(gridRow.content, territory, lines);
  const base = {
    status: 'brouillon' as const,
    grid_id: gridRow.id,
    entity_kind: text(input.entityKind ?? 'juridiction', 'type d’entité', 60),
    entity_name: text(input.entityName, 'entité'),
    bureau: optionalText(input.bureau, 200),
    dit: text(input.dit, 'DIT', 120),
    site: optionalText(input.site, 300),
    territory,
    requested_on: day(input.requestedOn, 'date de la demande', true)!,
    wanted_start: day(input.wantedStart, 'début souhaité', false),
    wanted_end: day(input.wantedEnd, 'fin souhaitée', false),
    need: optionalText(input.need, 5000),
    lines: JSON.stringify(lines),
    priced: JSON.stringify(priced),
    study: studyOf(input.study) ? JSON.stringify(studyOf(input.study)) : null,
    created_by: actor.id,
  };
  if (base.wanted_start && base.wanted_end && base.wanted_end < base.wanted_start) throw new PortalError(400, 'La fin souhaitée précède le début souhaité.');
  // Numbers are unique; two managers saving at once: the second takes the next one.
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    const number = await nextNumber(db, now.getUTCFullYear());
    try {
      await db.transaction().execute(async (trx) => {
        await insertQuote(trx, { id, number, ...base });
        await appendQuoteHistory(trx, { quote_id: id, user_id: actor.id, action: 'creation', detail: { gridVersion: gridRow.version, totalHt: priced.totalHt } });
      });
      return { id, number };
    } catch (error) {
      if (attempt < 3 && /unique|duplicate/i.test(String(error))) continue;
      throw error;
    }
  }
}

export async function reviseQuote(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>) {
  const quote = await visibleQuote(db, actor, id);
  if (!can.prepareQuote(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire modifie un devis.');
  if (quote.status !== 'brouillon' && quote.status !== 'a-ajuster') throw new PortalError(409, 'Seul un devis en brouillon ou à ajuster se modifie.');
  const lines = input.lines === undefined ? quote.lines : linesOf(input.lines);
  const gridRow = input.gridId ? await grid(db, input.gridId) : { id: quote.grid_id, content: (await findPriceGrid(db, quote.grid_id))!.content, version: quote.gridVersion };
  const priced = price(gridRow.content, quote.territory, lines);
  const wantedStart = input.wantedStart === undefined ? quote.wanted_start : day(input.wantedStart, 'début souhaité', false);
  const wantedEnd = input.wantedEnd === undefined ? quote.wanted_end : day(input.wantedEnd, 'fin souhaitée', false);
  await db.transaction().execute(async (trx) => {
    await updateQuote(trx, id, { lines: JSON.stringify(lines), priced: JSON.stringify(priced), grid_id: gridRow.id, wanted_start: wantedStart, wanted_end: wantedEnd, ...(typeof input.need === 'string' ? { need: optionalText(input.need, 5000) } : {}) });
    await appendQuoteHistory(trx, { quote_id: id, user_id: actor.id, action: 'modification', detail: { gridVersion: gridRow.version, totalHt: priced.totalHt } });
  });
}

export async function sendQuote(db: PortalDatabase, actor: Actor, id: string, now: Date) {
  const quote = await visibleQuote(db, actor, id);
  if (!can.prepareQuote(actor)) throw new PortalError(403, 'Seul un gestionnaire du titulaire envoie un devis.');
  if (quote.status !== 'brouillon' && quote.status !== 'a-ajuster') throw new PortalError(409, 'Ce devis a déjà été envoyé ou est clos.');
  const dueOn = quoteDeadline(quote.requested_on, quote.territory);
  const sentOn = now.toISOString().slice(0, 10);
  await db.transaction().execute(async (trx) => {
    await updateQuote(trx, id, { status: 'envoye', sent_at: now });
    await appendQuoteHistory(trx, { quote_id: id, user_id: actor.id, action: 'envoi', detail: { dueOn, onTime: sentOn <= dueOn, totalHt: quote.priced.totalHt } });
  });
}

export async function askAdjustment(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>) {
  const quote = await visibleQuote(db, actor, id);
  if (!can.decideQuote(actor)) throw new PortalError(403, 'Seule l’administration demande l’ajustement d’un devis.');
  if (quote.status !== 'envoye') throw new PortalError(409, 'Seul un devis envoyé peut être renvoyé pour ajustement.');
  const remarks = optionalText(input.remarks, 5000);
  if (!remarks) throw new PortalError(400, 'Indiquez ce qui est à ajuster.');
  await db.transaction().execute(async (trx) => {
    await updateQuote(trx, id, { status: 'a-ajuster', remarks });
    await appendQuoteHistory(trx, { quote_id: id, user_id: actor.id, action: 'ajustement', detail: { remarks } });
  });
}

/** Days of work a line orders: UO are days, half-days count half, a flat rate counts none. */
const daysOf = (line: QuoteLineInput) => (line.level === 'Demi-journée' ? line.quantity / 2 : line.level === 'Forfait' ? 0 : line.quantity);

export async function validateQuote(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>, now: Date): Promise<{ orderId: string }> {
  const quote = await visibleQuote(db, actor, id);
  if (!can.decideQuote(actor)) throw new PortalError(403, 'Seule l’administration valide un devis.');
  if (quote.status !== 'envoye') throw new PortalError(409, 'Seul un devis envoyé peut être validé.');
  const orderNumber = text(input.orderNumber, 'numéro du bon de commande', 60);
  const legalCommitment = text(input.legalCommitment, 'numéro d’engagement juridique', 60);
  const first = quote.lines[0]!;
  const service = findService(first.service)!;
  const orderId = randomUUID();
  const orderedOn = now.toISOString().slice(0, 10);
  try {
    await db.transaction().execute(async (trx) => {
      await insertOrder(trx, {
        id: orderId,
        number: orderNumber,
        entity_kind: quote.entity_kind,
        entity_name: quote.entity_name,
        bureau: quote.bureau,
        dit: quote.dit,
        service: `${service.number} ${service.title}${quote.lines.length > 1 ? ` (+ ${quote.lines.length - 1} ligne${quote.lines.length > 2 ? 's' : ''})` : ''}`,
        complexity: first.level,
        legal_commitment: legalCommitment,
        quote_number: quote.number,
        ordered_days: quote.lines.reduce((sum, line) => sum + daysOf(line), 0),
        amount_ht: quote.priced.totalHt,
        ordered_on: orderedOn,
        due_on: quote.wanted_end,
        profile_type: service.profile,
        status: 'en-cours',
        consumed_days: 0,
        invoicing: 'a-facturer',
      });
      await appendHistory(trx, { order_id: orderId, user_id: actor.id, action: 'creation', detail: { number: orderNumber, quote: quote.number } });
      await updateQuote(trx, id, { status: 'valide', order_id: orderId });
      await appendQuoteHistory(trx, { quote_id: id, user_id: actor.id, action: 'validation', detail: { orderNumber, legalCommitment } });
    });
  } catch (error) {
    if (/unique|duplicate/i.test(String(error))) throw new PortalError(409, `Le bon de commande ${orderNumber} existe déjà.`);
    throw error;
  }
  return { orderId };
}

export async function abandonQuote(db: PortalDatabase, actor: Actor, id: string, input: Record<string, unknown>) {
  const quote = await visibleQuote(db, actor, id);
  if (!can.prepareQuote(actor) && !can.decideQuote(actor)) throw new PortalError(403, 'Seuls le gestionnaire du titulaire et l’administration abandonnent un devis.');
  if (quote.status === 'valide' || quote.status === 'abandonne') throw new PortalError(409, 'Ce devis est déjà clos.');
  const reason = optionalText(input.reason, 2000);
  if (!reason) throw new PortalError(400, 'Indiquez pourquoi le devis est abandonné.');
  await db.transaction().execute(async (trx) => {
    await updateQuote(trx, id, { status: 'abandonne' });
    await appendQuoteHistory(trx, { quote_id: id, user_id: actor.id, action: 'abandon', detail: { reason } });
  });
}

/** The quote as a PDF or a spreadsheet, for whoever may see it. */
export async function quoteFile(db: PortalDatabase, actor: Actor, id: string, kind: 'pdf' | 'xlsx', contract: string, now: Date): Promise<{ name: string; bytes: Uint8Array }> {
  const quote = await visibleQuote(db, actor, id);
  const described = describe(quote, now.toISOString().slice(0, 10));
  const document: QuoteDocument = {
    number: quote.number,
    status: quote.status,
    contract,
    contractor: await quoteAuthorOrganisation(db, id),
    entity: quote.entity_name,
    bureau: quote.bureau,
    dit: quote.dit,
    site: quote.site,
    territory: quote.territory,
    requestedOn: quote.requested_on,
    dueOn: described.dueOn,
    wantedStart: quote.wanted_start,
    wantedEnd: quote.wanted_end,
    need: quote.need,
    gridVersion: quote.gridVersion,
    gridLabel: quote.gridLabel,
    priced: quote.priced,
    warnings: described.warnings,
    issuedOn: quote.sent_at ? new Date(quote.sent_at) : now,
    study: quote.study,
  };
  return { name: `devis-${quote.number}.${kind}`, bytes: kind === 'pdf' ? await quotePdf(document) : await quoteXlsx(document) };
}
