/**
 * The document control page every report opens with (after its cover): references (contractor, contract, quote,
 * order, complexity), the version table, the participants, the inputs the administration supplied for §4.1.6 with
 * their state, deviations and reservations, and the sign-off block of the reception (CCAG TIC: the administration
 * accepts, accepts with reservations or refuses).
 */
import { rgb } from 'pdf-lib';
import { t } from '../../i18n/index.ts';
import type { Delivery, Study } from '../../model/schema.ts';
import { INK, MARGIN, MUTED, RULE, type PdfWriter } from '../pdf/pdf-writer.ts';
import { toFrenchDate as frenchDate } from '../../i18n/french-date.ts';


export function documentControlRows(study: Study): [string, string][] {
  const { delivery } = study;
  return [
    [t('documentControl.fields.contractor'), delivery.contractor || t('documentControl.notGiven')],
    [t('documentControl.fields.contract'), delivery.contractNumber || t('documentControl.notGiven')],
    [t('documentControl.fields.quote'), study.quoteReference || t('documentControl.notGiven')],
    [t('documentControl.fields.order'), study.orderReference || t('documentControl.notGiven')],
    [t('documentControl.fields.complexity'), delivery.complexity ? t(`delivery.complexities.${delivery.complexity}`) : t('delivery.complexityUnset')],
    [t('documentControl.fields.distribution'), delivery.restricted ? t('documentControl.restrictedValue') : t('documentControl.openValue')],
  ];
}

export function drawDocumentControl(writer: PdfWriter, study: Study): void {
  const { delivery } = study;
  writer.keyValues(documentControlRows(study));
  writer.heading(t('delivery.lists.revisions'), 2);
  const revision = t('delivery.revision.version');
  if (delivery.revisions.length === 0) writer.paragraph(t('documentControl.noRevision'), 9, MUTED);
  else writer.table([{ header: revision, width: 0.8 }, { header: t('delivery.revision.date'), width: 1.1 }, { header: t('delivery.revision.author'), width: 1.6 }, { header: t('delivery.revision.changes'), width: 4 }], delivery.revisions.map((row) => [row.version, frenchDate(row.date), row.author, row.changes]));
  writer.heading(t('delivery.lists.participants'), 2);
  if (delivery.participants.length === 0) writer.paragraph(t('documentControl.noParticipant'), 9, MUTED);
  else writer.table([{ header: t('delivery.participant.name'), width: 2 }, { header: t('delivery.participant.organisation'), width: 2.4 }, { header: t('delivery.participant.role'), width: 3 }], delivery.participants.map((row) => [row.name, row.organisation, row.role]));
  writer.heading(t('delivery.inputsTitle'), 2);
  writer.table([{ header: t('delivery.input'), width: 3 }, { header: t('delivery.status'), width: 1.3 }, { header: t('delivery.note'), width: 3.2 }], delivery.inputs.map((row) => [t(`delivery.inputs.${row.item}`), t(`delivery.statuses.${row.status}`), row.note]));
  writer.heading(t('delivery.reservations'), 2);
  writer.paragraph(delivery.reservations || t('documentControl.noReservation'), 9.5);
  drawSignOff(writer);
}

/** Inputs still missing or to be confirmed, as sentences for the open points. */
export function missingInputs(delivery: Delivery): string[] {
  return delivery.inputs.filter((row) => row.status === 'manquant' || row.status === 'a-preciser').map((row) => t(`documentControl.inputOpen.${row.status === 'manquant' ? 'missing' : 'unclear'}`, { item: t(`delivery.inputs.${row.item}`), note: row.note ? ` (${row.note})` : '' }));
}

/** Two boxes: the contractor delivers, the administration decides (admitted, admitted with reservations, refused). */
export function drawSignOff(writer: PdfWriter): void {
  writer.ensureSpace(150);
  writer.heading(t('documentControl.signOffTitle'), 2);
  const width = (writer.width - 20) / 2;
  const top = writer.y;
  const height = 110;
  const page = writer.page;
  [t('documentControl.signContractor'), t('documentControl.signAdministration')].forEach((title, index) => {
    const x = MARGIN + index * (width + 20);
    page.drawRectangle({ x, y: top - height, width, height, borderColor: INK, borderWidth: 0.7 });
    writer.text(title, x + 8, top - 16, 9.5, { bold: true });
    writer.text(t('documentControl.signNameDate'), x + 8, top - 32, 8.5, { color: MUTED });
    if (index === 1) {
      [t('documentControl.decisionAdmitted'), t('documentControl.decisionReserved'), t('documentControl.decisionRefused')].forEach((label, row) => {
        const y = top - 52 - row * 14;
        page.drawRectangle({ x: x + 8, y: y - 1, width: 8, height: 8, borderColor: INK, borderWidth: 0.6, color: rgb(1, 1, 1) });
        writer.text(label, x + 22, y, 8.5);
      });
    }
    page.drawLine({ start: { x: x + 8, y: top - height + 14 }, end: { x: x + width - 8, y: top - height + 14 }, thickness: 0.4, color: RULE });
    writer.text(t('documentControl.signature'), x + 8, top - height + 4, 7, { color: MUTED });
  });
  writer.y = top - height - 12;
}
