/** The deliverables checklist of an order: the demo study's package against 4.1.6, and a service with generic names. */
import { describe, expect, it } from 'vitest';
import { deliverableChecklist, serviceNumberOf } from '../../../server/src/catalogue/deliverable-checklist.ts';

// The files of the demo study's package (docs/deliverables.md), two levels, without the analysis report.
const DEMO = ['rapport-etude.pdf', 'compte-rendu.pdf', 'liste-materiel.xlsx', 'liste-materiel.ods', 'plan-implantation-01-rez-de-chaussee.pdf', 'plan-implantation-01-rez-de-chaussee.odg', 'plan-implantation-01-rez-de-chaussee.vsdx', 'resultats.json', 'bordereau-de-livraison.pdf'];

describe('liste de contrôle des livrables', () => {
  it('reconnaît les fichiers d’Ondeplan pour une étude Wi-Fi et dit ce qui manque', () => {
    const checklist = deliverableChecklist('4.1.6', DEMO);
    expect(checklist.map((item) => [item.expected.slice(0, 30), item.files.length])).toEqual([
      ['Les plans des zones étudiées e', 3],
      ['Un rapport d’étude,', 1],
      ['Un rapport d’analyse,', 0],
      ['La liste des équipements à acq', 2],
      ['Un rapport reprenant les point', 3],
      ['Un compte rendu de la prestati', 1],
    ]);
  });

  it('pour une autre prestation, rapproche par mots clés', () => {
    // 4.3.5: « Devis d’Audit », « Bon d’enlèvement », « Bon de livraison », « Rapport d’intervention ».
    const checklist = deliverableChecklist('4.3.5', ['bon-enlevement-signe.pdf', 'rapport-intervention.pdf']);
    expect(checklist.map((item) => item.files)).toEqual([[], ['bon-enlevement-signe.pdf'], [], ['rapport-intervention.pdf']]);
  });

  it('lit le numéro de prestation d’une commande', () => {
    expect(serviceNumberOf('4.1.6 Étude / audit de réseau sans fil — étude sur plan')).toBe('4.1.6');
    expect(serviceNumberOf('4.5 REVERSIBILITE')).toBe('4.5');
    expect(serviceNumberOf('Prestation libre')).toBeNull();
  });
});
