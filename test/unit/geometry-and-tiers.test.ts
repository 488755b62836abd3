import { describe, expect, it } from 'vitest';
import { polygonAreaM2 } from '../../src/model/geometry.ts';
import { surfaceTier } from '../../src/model/surface-tier.ts';
import { parseRoute, routeToHash } from '../../src/app/route.ts';

const p = (xM: number, yM: number) => ({ xM, yM });

describe('polygon area', () => {
  it('a 4 × 2.5 m rectangle is 10 m² in either orientation', () => {
    expect(polygonAreaM2([p(0, 0), p(4, 0), p(4, 2.5), p(0, 2.5)])).toBe(10);
    expect(polygonAreaM2([p(0, 2.5), p(4, 2.5), p(4, 0), p(0, 0)])).toBe(10);
  });

  it('an L-shaped room: 6×4 minus 3×2 = 18 m²', () => {
    expect(polygonAreaM2([p(0, 0), p(6, 0), p(6, 2), p(3, 2), p(3, 4), p(0, 4)])).toBe(18);
  });

  it('a right triangle with legs 3 and 4 is 6 m²', () => {
    expect(polygonAreaM2([p(1, 1), p(4, 1), p(1, 5)])).toBe(6);
  });
});

describe('contract surface tiers', () => {
  it.each([
    [0, 'none'],
    [120, 'under500'],
    [500, 'under500'],
    [500.5, 'from501to1000'],
    [1000, 'from501to1000'],
    [1001, 'from1001to3000'],
    [3000, 'from1001to3000'],
    [3000.1, 'over3000'],
    [Number.NaN, 'none'],
  ])('%d m² → %s', (area, tier) => {
    expect(surfaceTier(area)).toBe(tier);
  });
});

describe('routes', () => {
  it('round-trips a study route with an id that needs escaping', () => {
    const route = { name: 'study', projectId: 'a/b é', view: 'rapport' } as const;
    expect(parseRoute(routeToHash(route))).toEqual(route);
  });

  it('round-trips every page of « Suivi »', () => {
    for (const page of [{ kind: 'home' }, { kind: 'order', id: 'c/1' }, { kind: 'quote', id: 'd 2' }, { kind: 'new-quote', studyId: null }, { kind: 'new-quote', studyId: 'é/3' }] as const) expect(parseRoute(routeToHash({ name: 'tracking', page }))).toEqual({ name: 'tracking', page });
  });

  it('falls back to the project list on unknown paths', () => {
    expect(parseRoute('#/nimporte/quoi')).toEqual({ name: 'projects' });
    expect(parseRoute('#/etude/x/inconnue')).toEqual({ name: 'projects' });
    expect(parseRoute('')).toEqual({ name: 'projects' });
  });
});
