/**
 * A quote's figures (§2.4): each line in work units (UO) of the price grid — unit price € HT × quantity × the
 * out-of-hours multiplier of its slot (services 4.2.3–4.2.8 only, §4.2.21) × the overseas multiplier of the territory
 * (service 4.4: the « transfert au sein d'un même site » price of 4.3.5, §4.4) — rounded to the cent; then the total
 * € HT, the VAT of the territory where the work is done, and the total € TTC. Also the checks a manager needs before
 * sending: the quantity against the complexity's maximum duration, and the requested dates against both.
 */
import { findService } from '../catalogue/catalogue.ts';
import { TERRITORIES, type Territory } from '../calendar/territories.ts';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.ts';
import { OUT_OF_HOURS_SLOTS, type OutOfHoursSlot, type PriceGrid } from './price-grid.ts';

/** The overseas service is priced on the same-site transfer (§4.4 refers to 4.3.5). */
export const OVERSEAS_SERVICE = '4.4';
const OVERSEAS_BASE = '4.3.5';

export interface QuoteLineInput {
  service: string;
  level: string;
  quantity: number;
  outOfHours?: OutOfHoursSlot | null;
}

export interface PricedLine extends QuoteLineInput {
  title: string;
  unitPriceHt: number;
  factors: { label: string; factor: number }[];
  amountHt: number;
}

export interface PricedQuote {
  lines: PricedLine[];
  totalHt: number;
  vatRate: number;
  vat: number;
  totalTtc: number;
}

export class QuotePricingError extends Error {}

/** Rounded to the cent, half away from zero, after removing binary noise (1.005 € is 1.01 €, not 1.00 €). */
const cents = (value: number) => Math.round(Number((value * 100).toPrecision(12))) / 100;

export function priceQuote(grid: PriceGrid, territory: Territory, lines: QuoteLineInput[]): PricedQuote {
  if (lines.length === 0) throw new QuotePricingError('Un devis a au moins une ligne.');
  const priced = lines.map((line, index) => {
    const at = `Ligne ${index + 1}`;
    const service = findService(line.service);
    if (!service) throw new QuotePricingError(`${at} : prestation « ${line.service} » absente du catalogue.`);
    if (!Number.isFinite(line.quantity) || line.quantity <= 0 || line.quantity > 10_000) throw new QuotePricingError(`${at} : la quantité d’UO doit être un nombre positif.`);
    const factors: { label: string; factor: number }[] = [];
    const base = line.service === OVERSEAS_SERVICE ? OVERSEAS_BASE : line.service;
    const unitPriceHt = grid.prices[base]?.[line.level];
    if (unitPriceHt === undefined) throw new QuotePricingError(`${at} : le bordereau n’a pas de prix pour ${base} « ${line.level} ».`);
    if (line.service === OVERSEAS_SERVICE) {
      if (territory === 'metropole') throw new QuotePricingError(`${at} : l’intervention outre-mer (4.4) suppose un site outre-mer ; choisissez son territoire.`);
      const factor = grid.overseas[territory];
      if (factor === undefined) throw new QuotePricingError(`${at} : le bordereau n’a pas de coefficient pour ${TERRITORIES[territory].name}.`);
      factors.push({ label: `Outre-mer, ${TERRITORIES[territory].name}`, factor });
    }
    if (line.outOfHours) {
      if (!service.outOfHours) throw new QuotePricingError(`${at} : la prestation ${line.service} ne se commande pas en astreinte ou HNO (seules 4.2.3 à 4.2.8, § 4.2.21).`);
      const factor = grid.outOfHours[line.outOfHours];
      if (factor === undefined) throw new QuotePricingError(`${at} : le bordereau n’a pas de coefficient pour la tranche « ${OUT_OF_HOURS_SLOTS[line.outOfHours]} ».`);
      factors.push({ label: `HNO, ${OUT_OF_HOURS_SLOTS[line.outOfHours]}`, factor });
    }
    const amountHt = cents(factors.reduce((amount, entry) => amount * entry.factor, unitPriceHt * line.quantity));
    return { ...line, outOfHours: line.outOfHours ?? null, title: service.title, unitPriceHt, factors, amountHt };
  });
  const totalHt = cents(priced.reduce((sum, line) => sum + line.amountHt, 0));
  const vatRate = grid.vat[territory];
  const vat = cents(totalHt * vatRate);
  return { lines: priced, totalHt, vatRate, vat, totalTtc: cents(totalHt + vat) };
}

/** What to tell the manager before sending: durations beyond the complexity's maximum, dates too short for the work. */
export function durationWarnings(lines: QuoteLineInput[], window: { start: string | null; end: string | null }, territory: Territory): string[] {
  const warnings: string[] = [];
  const available = window.start && window.end ? workingDaysBetween(window.start, window.end, calendarsFor(territory)) : null;
  lines.forEach((line, index) => {
    const maximum = findService(line.service)?.complexity.find((level) => level.level === line.level)?.maxDays;
    if (maximum !== undefined && line.quantity > maximum) warnings.push(`Ligne ${index + 1} : ${line.quantity} UO dépassent la durée maximale de la complexité « ${line.level} » (${maximum} j) : choisissez une complexité plus élevée.`);
    if (available !== null && line.quantity > available) warnings.push(`Ligne ${index + 1} : ${line.quantity} UO ne tiennent pas dans les ${available} jours ouvrés de la période demandée.`);
  });
  return warnings;
}

/** The holidays that count for a territory's quote: metropolitan France's, and the territory's own. */
export const calendarsFor = (territory: Territory): Territory[] => (territory === 'metropole' ? ['metropole'] : ['metropole', territory]);

/** A quote is due 5 working days after the request (§2.4). */
export function quoteDeadline(requestedOn: string, territory: Territory): string {
  return addWorkingDays(requestedOn, 5, calendarsFor(territory));
}
