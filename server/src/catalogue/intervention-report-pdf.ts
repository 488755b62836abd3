/**
 * The intervention report (« rapport d'intervention / compte rendu de la prestation ») of a service other than the
 * Wi-Fi study, whose reports Ondeplan writes itself: the order's references, the site, the dates, the catalogue's
 * expected tasks with those done ticked, the progress notes of the order's history, the observations, and the
 * sign-off of the contractor's technician and of the administration's local correspondent.
 */
import type { CatalogueService } from './catalogue.ts';
import { A4Writer } from '../pdf/a4-writer.ts';
import { frenchDay } from '../calendar/french-day.ts';

export interface InterventionReport {
  service: CatalogueService;
  order: { number: string; legalCommitment: string; quoteNumber: string; entity: string; bureau: string; dit: string; complexity: string; orderedOn: string; orderedDays: number; consumedDays: number };
  contractor: string;
  technician: string;
  site: string;
  interventionDates: string;
  tasksDone: boolean[];
  progress: { at: Date; who: string; note: string }[];
  observations: string;
  issuedOn: Date;
}

const number = (value: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value);

export async function interventionReportPdf(report: InterventionReport): Promise<Uint8Array> {
  const { service, order } = report;
  const writer = await A4Writer.create(`Rapport d’intervention — ${order.number}`, report.issuedOn);
  writer.paragraph('Rapport d’intervention', { bold: true, size: 18, after: 4 });
  writer.paragraph(`${service.number} ${service.title}`, { muted: true, after: 12 });
  writer.field('Bon de commande', `${order.number} — engagement juridique ${order.legalCommitment} — devis ${order.quoteNumber}`);
  writer.field('Administration', ['Ministère de la Justice', order.entity, order.bureau, order.dit].filter(Boolean).join(' — '));
  if (report.site) writer.field('Site', report.site);
  writer.field('Titulaire', report.technician ? `${report.contractor} — intervenant : ${report.technician}` : report.contractor);
  writer.field('Complexité', `${order.complexity}${service.complexity.find((level) => level.level === order.complexity) ? ` (${service.complexity.find((level) => level.level === order.complexity)!.maxDays} j au plus)` : ''}`);
  writer.field('Commande du', frenchDay(order.orderedOn));
  if (report.interventionDates) writer.field('Intervention', report.interventionDates);
  writer.field('Jours consommés', `${number(order.consumedDays)} sur ${number(order.orderedDays)} commandés`);
  if (service.profile) writer.field('Profil CIGREF', service.profile);
  writer.heading('Prestations attendues et réalisées');
  if (service.tasks.text) writer.paragraph(service.tasks.text, { size: 9, muted: true });
  service.tasks.items.forEach((task, index) => writer.paragraph(`${report.tasksDone[index] ? '☑' : '☐'} ${task}`, { size: 9.5, after: 2 }));
  if (service.deliverables.items.length > 0 || service.deliverables.text) {
    writer.heading('Livrables prévus au catalogue');
    for (const item of service.deliverables.items.length > 0 ? service.deliverables.items : [service.deliverables.text]) writer.paragraph(`• ${item}`, { size: 9.5, after: 2 });
  }
  if (report.progress.length > 0) {
    writer.heading('Déroulement');
    writer.table(
      [
        { title: 'Date', width: 90 },
        { title: 'Par', width: 110 },
        { title: 'Avancement', width: 283 },
      ],
      report.progress.map((entry) => [new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' }).format(entry.at), entry.who, entry.note]),
    );
  }
  writer.heading('Observations');
  writer.paragraph(report.observations || 'Aucune observation.', { size: 9.5, after: 16 });
  writer.signatureBoxes(['Pour le titulaire (intervenant)', 'Pour l’administration (correspondant local)']);
  return writer.save(`Rapport d’intervention ${order.number}`);
}
