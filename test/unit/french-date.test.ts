/** Dates typed the French way, whatever the browser's language. */
import { describe, expect, it } from 'vitest';
import { fromFrenchDate, toFrenchDate } from '../../src/i18n/french-date.ts';

describe('dates jj/mm/aaaa', () => {
  it.each([
    ['18/12/2026', '2026-12-18'],
    ['1/2/2027', '2027-02-01'],
    ['18.12.2026', '2026-12-18'],
    ['18-12-2026', '2026-12-18'],
    ['2026-12-18', '2026-12-18'],
    ['29/02/2028', '2028-02-29'],
    ['', ''],
  ])('« %s » → %s', (text, iso) => expect(fromFrenchDate(text)).toBe(iso));

  it.each(['12/18/2026', '31/04/2026', '29/02/2027', '18/12/26', 'demain'])('« %s » n’est pas une date', (text) => expect(fromFrenchDate(text)).toBeNull());

  it('affiche une date ISO à la française', () => {
    expect(toFrenchDate('2026-11-02')).toBe('02/11/2026');
    expect(toFrenchDate(null)).toBe('');
  });
});
