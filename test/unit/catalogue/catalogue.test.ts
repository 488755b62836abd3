/**
 * The catalogue against the contract's text (fixtures/contract/, the CCTP as extracted from its PDF): every §4
 * service number and title found by a plain scan of the text is in the catalogue and nothing else is; each service's
 * complexity durations are the ones its section states; a few values checked by reading the text by hand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, durationAnomalies, findService, surfaceTier } from '../../../server/src/catalogue/catalogue.ts';

const text = readFileSync(resolve(import.meta.dirname, '../../../fixtures/contract/cctp-ministere-justice.txt'), 'utf8');
const lines = text.split(/\r?\n/).map((line) => line.trim());
const chapter = lines.findIndex((line) => line.startsWith('4 DEFINITION DES PRESTATIONS'));
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

/** « 4.x.y TITLE » lines after the chapter's start, plus 4.4 and 4.5 (services without sub-numbers). */
const headings = lines
  .map((line, index) => ({ line, index }))
  .filter(({ line, index }) => index > chapter && (/^4\.\d\.\d+\s+\S/.test(line) || /^4\.[45]\s+\S/.test(line)))
  .map(({ line, index }) => ({ number: line.split(/\s+/)[0]!, title: squash(line.replace(/^\S+\s+/, '')), index }));

describe('catalogue des prestations (CCTP § 4)', () => {
  it('a exactement les prestations du texte, numéros et intitulés', () => {
    expect(headings.length).toBe(37);
    expect(CATALOGUE.services.map((service) => [service.number, service.title])).toEqual(headings.map((heading) => [heading.number, heading.title]));
  });

  it('a, pour chaque prestation, les durées maximales par complexité que sa section écrit', () => {
    for (const [at, heading] of headings.entries()) {
      const section = lines.slice(heading.index, headings[at + 1]?.index ?? lines.length).join('\n');
      const written = [...section.matchAll(/(Simple|Moyenne|Complexe) \(délai d’exécution maximum d(?:e ?|’)(\d+) ?jours?\)/g)].map((match) => ({ level: match[1], maxDays: Number(match[2]) }));
      expect(findService(heading.number)!.complexity, heading.number).toEqual(written);
    }
  });

  it('reprend les valeurs lues à la main', () => {
    expect(findService('4.1.6')!.complexity).toEqual([{ level: 'Simple', maxDays: 1 }, { level: 'Moyenne', maxDays: 5 }, { level: 'Complexe', maxDays: 10 }]);
    expect(findService('4.2.6')!.complexity.map((level) => level.maxDays)).toEqual([20, 40, 80]);
    expect(findService('4.1.8')!.complexity.map((level) => level.maxDays)).toEqual([10, 20, 40]);
    expect(findService('4.1.6')!.profile).toBe('Technicien réseaux-télécoms (4.3)');
    expect(findService('4.1.6')!.deliverables.items).toContain('Un rapport d’étude,');
    expect(findService('4.1.6')!.inputs.items).toContain('Les zones à couvrir et les zones à exclure');
    expect(findService('4.1.6')!.dimensions.find((dimension) => dimension.label === 'Nature de la prestation')!.options).toEqual(['Etude de couverture sur site', 'Etude de couverture sur plan', 'Audit de couverture sur site']);
    expect(findService('4.3.5')!.valuation).toBe('demi-journee');
    expect(findService('4.5')!.valuation).toBe('forfait');
    // Kinds follow the chapter's sections.
    expect(new Set(CATALOGUE.services.filter((service) => service.number.startsWith('4.2.')).map((service) => service.kind))).toEqual(new Set(['exploitation']));
    // The page footers of the PDF extraction are not in any text.
    expect(JSON.stringify(CATALOGUE)).not.toMatch(/Page \d+ sur 44|Secrétariat Général/);
  });

  it('sait quelles prestations peuvent être en astreinte ou HNO, et les tranches horaires', () => {
    expect(CATALOGUE.services.filter((service) => service.outOfHours).map((service) => service.number)).toEqual(['4.2.3', '4.2.4', '4.2.5', '4.2.6', '4.2.7', '4.2.8']);
    expect(CATALOGUE.outOfHours.slots).toEqual(['Semaine du lundi au vendredi 6h-20h', 'Samedi 6h-22h', 'Dimanche et jours fériés 6h-22h', 'Nuit du lundi au dimanche 22h-6h']);
  });

  it('signale la seule incohérence du texte : 4.2.14, « Moyenne » 25 jours mais « Complexe » 10 jours', () => {
    expect(durationAnomalies()).toEqual(['4.2.14']);
  });
});

describe('tranche de surface d’une étude Wi-Fi (4.1.6)', () => {
  it.each([
    [499.5, 'Inférieure à 500 m²'],
    [500, 'Inférieure à 500 m²'],
    [500.5, 'Entre 501 et 1000 m²'],
    [1000, 'Entre 501 et 1000 m²'],
    [1000.5, 'Entre 1001 et 3000 m²'],
    [3000, 'Entre 1001 et 3000 m²'],
  ])('%f m² → %s', (area, label) => expect(surfaceTier(area)?.label).toBe(label));

  it('au-delà de 3 000 m², aucune tranche : l’étude est découpée ou chiffrée à part', () => {
    expect(surfaceTier(3000.5)).toBeNull();
    expect(surfaceTier(Number.NaN)).toBeNull();
  });
});
