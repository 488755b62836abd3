/** The readiness check names every empty identification field, zone without users, and §4.1.6 input not received. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpackProject } from '../../../src/io/project-package.ts';
import { missingForDeliverables } from '../../../src/model/deliverable-readiness.ts';

const demo = (await unpackProject(new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../public/demo/palais-de-justice.ondeplan'))))).document;

describe('état de préparation des livrables', () => {
  it('sur l’étude de démonstration, ne signale que le modèle de borne encore manquant', () => {
    expect(missingForDeliverables(demo)).toEqual(['Élément fourni par l’administration « Modèle de borne envisagé » : manquant']);
  });

  it('nomme chaque champ vide, chaque zone sans utilisateurs et chaque élément à préciser', () => {
    const empty = structuredClone(demo);
    empty.study.site = { ...empty.study.site, entityName: '', address: ' ', dit: '' };
    empty.study.author = '';
    empty.coverageZones[0]!.userCount = 0;
    empty.coverageZones[1]!.userCount = 0;
    empty.study.delivery.inputs = empty.study.delivery.inputs.map((input) => ({ ...input, status: input.item === 'ssid' ? 'a-preciser' : 'recu' }));
    expect(missingForDeliverables(empty)).toEqual([
      'Juridiction ou service non renseigné (fiche de l’étude)',
      'Adresse du site non renseignée',
      'DIT de rattachement non renseignée',
      'Auteur de l’étude non renseigné',
      `2 zones sans nombre d’utilisateurs : ${empty.coverageZones[0]!.name}, ${empty.coverageZones[1]!.name}`,
      'Élément fourni par l’administration « SSID envisagés » : à préciser',
    ]);
  });
});
