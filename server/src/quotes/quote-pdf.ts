/**
 * A quote as the administration receives it: a French A4 PDF with the parties, the references (contract, price grid
 * version, request and answer deadline, wanted period), the need, the lines in work units with their multipliers,
 * the totals before and after tax, the validity, the duration notes, and the two signature blocks.
 */
import { findService } from '../catalogue/catalogue.ts';
import { TERRITORIES, type Territory } from '../calendar/territories.ts';
import { A4Writer } from '../pdf/a4-writer.ts';
import { frenchDay } from '../calendar/french-day.ts';
import type { PricedQuote } from './quote-pricing.ts';

export interface QuoteDocument {
  number: string;
  status: string;
  contract: string;
  contractor: string;
  entity: string;
  bureau: string;
  dit: string;
  site: string;
  territory: Territory;
  requestedOn: string;
  dueOn: string;
  wantedStart: string | null;
  wantedEnd: string | null;
  need: string;
  gridVersion: number;
  gridLabel: string;
  priced: PricedQuote;
  warnings: string[];
  issuedOn: Date;
  study: { name: string; surfaceM2: number; nature: string } | null;
}

const euros = (value: number) => `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value).replace(/\u202f/g, '\u00a0')} €`;
const decimal = (value: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value).replace(/\u202f/g, '\u00a0');
const percent = (rate: number) => `${decimal(rate * 100)}\u00a0%`;

export const QUOTE_VALIDITY_MONTHS = 3;

export async function quotePdf(quote: QuoteDocument): Promise<Uint8Array> {
  const writer = await A4Writer.create(`Devis ${quote.number}`, quote.issuedOn);
  writer.paragraph(`Devis ${quote.number}`, { bold: true, size: 18, after: 4 });
  writer.paragraph(`${quote.contract} — CCTP § 2.4`, { muted: true, after: 12 });
  writer.field('Titulaire', quote.contractor);
  writer.field('Administration', ['Ministère de la Justice', quote.entity, quote.bureau, quote.dit].filter(Boolean).join(' — '));
  if (quote.site) writer.field('Site', `${quote.site} (${TERRITORIES[quote.territory].name})`);
  else writer.field('Territoire', TERRITORIES[quote.territory].name);
  writer.field('Date d’émission', frenchDay(quote.issuedOn.toISOString().slice(0, 10)));
  writer.field('Demande reçue le', `${frenchDay(quote.requestedOn)} — réponse due le ${frenchDay(quote.dueOn)} (5 jours ouvrés)`);
  if (quote.wantedStart || quote.wantedEnd) writer.field('Période souhaitée', `${quote.wantedStart ? `du ${frenchDay(quote.wantedStart)} ` : ''}${quote.wantedEnd ? `au ${frenchDay(quote.wantedEnd)}` : ''}`.trim());
  writer.field('Bordereau des prix', `version ${quote.gridVersion} — ${quote.gridLabel}`);
  writer.field('Validité', `${QUOTE_VALIDITY_MONTHS} mois à compter de la date d’émission`);
  if (quote.study) writer.field('Étude Ondeplan', `${quote.study.name} — ${decimal(quote.study.surfaceM2)} m² à couvrir${quote.study.nature ? `, ${quote.study.nature.toLowerCase()}` : ''}`);
  if (quote.need) {
    writer.heading('Besoin exprimé');
    writer.paragraph(quote.need);
  }
  writer.heading('Prestations chiffrées en unités d’œuvre (UO)');
  writer.paragraph('Une UO est un jour ouvré, de 8 h à 18 h, du lundi au vendredi (§ 2.11), sauf tarification à la demi-journée ou au forfait.', { size: 8.5, muted: true, after: 6 });
  writer.table(
    [
      { title: 'Prestation', width: 130 },
      { title: 'Niveau', width: 72 },
      { title: 'Quantité', width: 45, align: 'right' },
      { title: 'Prix unitaire HT', width: 66, align: 'right' },
      { title: 'Coefficients', width: 98 },
      { title: 'Montant HT', width: 72, align: 'right' },
    ],
    [
      ...quote.priced.lines.map((line) => {
        const service = findService(line.service);
        return [`${line.service} ${service?.title ?? ''}`, line.level, decimal(line.quantity), euros(line.unitPriceHt), line.factors.map((factor) => `${factor.label} ×\u00a0${decimal(factor.factor)}`).join(' ; ') || '—', euros(line.amountHt)];
      }),
      ['Total HT', '', '', '', '', euros(quote.priced.totalHt)],
      [`TVA ${percent(quote.priced.vatRate)}`, '', '', '', '', euros(quote.priced.vat)],
      ['Total TTC', '', '', '', '', euros(quote.priced.totalTtc)],
    ],
    { size: 8.5, boldLastRows: 3 },
  );
  if (quote.warnings.length > 0) {
    writer.heading('Points d’attention');
    for (const warning of quote.warnings) writer.paragraph(`• ${warning}`, { size: 9 });
  }
  writer.space(10);
  writer.signatureBoxes(['Pour le titulaire', 'Bon pour accord — pour l’administration']);
  return writer.save(`Devis ${quote.number}`);
}
