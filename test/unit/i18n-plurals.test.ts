/** Plurals through Intl.PluralRules (French: 0 and 1 are singular) and the French typographic pass. */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, t } from '../../src/i18n/index.ts';
import { frenchTypography, typographyFaults } from '../../src/i18n/typography.ts';

describe('pluriels', () => {
  it('choisit la forme selon la règle française (0 et 1 au singulier)', () => {
    const text = '{count, plural, one {# borne placée} other {# bornes placées}}';
    expect(fillPlaceholders(text, { count: 0 })).toBe('0 borne placée');
    expect(fillPlaceholders(text, { count: 1 })).toBe('1 borne placée');
    expect(fillPlaceholders(text, { count: 2 })).toBe('2 bornes placées');
    expect(fillPlaceholders(text, { count: 1500 })).toBe('1\u202f500 bornes placées');
  });

  it('garde les autres paramètres dans une branche et accepte les valeurs exactes', () => {
    expect(fillPlaceholders('{n, plural, =0 {aucune borne} one {# borne ({model})} other {# bornes ({model})}}', { n: 0, model: 'X' })).toBe('aucune borne');
    expect(fillPlaceholders('{n, plural, =0 {aucune borne} one {# borne ({model})} other {# bornes ({model})}}', { n: 3, model: 'X' })).toBe('3 bornes (X)');
  });

  it('ne laisse plus de « (s) » dans les messages', () => {
    expect(t('editor.actions.addWalls', { count: 1 })).toBe('Dessiner 1 mur');
    expect(t('editor.actions.addWalls', { count: 4 })).toBe('Dessiner 4 murs');
    expect(t('studyReport.summaryText', { kind: 'étude sur plan', levels: 3, area: 2400, aps: 1, compliant: 1, assessed: 6 })).toContain('sur 3 niveaux');
  });
});

describe('typographie française', () => {
  it('applique les espaces insécables, le signe moins et l’apostrophe courbe', () => {
    expect(frenchTypography('Profil « Données » : -67 dBm, 35% atteint, l\'étude')).toBe('Profil «\u00a0Données\u00a0»\u00a0: \u221267\u00a0dBm, 35\u00a0% atteint, l’étude');
  });

  it('est idempotente et laisse intacts dates, heures, références et mots composés', () => {
    const once = frenchTypography('Le 2026-11-02 à 10:30, AP-N1-01 (5 GHz) ; « x »');
    expect(frenchTypography(once)).toBe(once);
    expect(once).toContain('2026-11-02');
    expect(once).toContain('10:30');
    expect(once).toContain('AP-N1-01');
    expect(once).toContain('5\u00a0GHz');
  });

  it('relève les fautes du texte brut et aucune après le passage', () => {
    const raw = 'Niveau : 3 borne(s) à -72 dBm, 100 % « ok » l\'accès';
    expect(typographyFaults(raw).length).toBeGreaterThanOrEqual(5);
    expect(typographyFaults(frenchTypography(raw.replace('borne(s)', 'bornes')))).toEqual([]);
  });
});
