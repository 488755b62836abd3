/** The building outline the heatmap is clipped to: the convex hull of the walls' ends, computed by hand. */
import { describe, expect, it } from 'vitest';
import { buildingOutline, convexHull } from '../../../src/model/building-outline.ts';

const p = (xM: number, yM: number) => ({ xM, yM });

describe('contour du bâtiment', () => {
  it('garde les coins d’un rectangle et laisse les points intérieurs et alignés', () => {
    const hull = convexHull([p(0, 0), p(20, 0), p(10, 0), p(20, 12), p(0, 12), p(5, 6), p(19, 1)]);
    expect(hull).toEqual([p(0, 0), p(20, 0), p(20, 12), p(0, 12)]);
  });

  it('un L donne son enveloppe convexe (le coin rentrant disparaît)', () => {
    expect(convexHull([p(0, 0), p(10, 0), p(10, 4), p(4, 4), p(4, 10), p(0, 10)])).toEqual([p(0, 0), p(10, 0), p(10, 4), p(4, 10), p(0, 10)]);
  });

  it('rien à découper sans au moins trois points non alignés', () => {
    expect(convexHull([p(0, 0), p(5, 0), p(10, 0)])).toEqual([]);
    const wall = (id: string, levelId: string, from: { xM: number; yM: number }, to: { xM: number; yM: number }) => ({ id, levelId, from, to }) as never;
    expect(buildingOutline({ walls: [wall('a', 'n1', p(0, 0), p(8, 0))] }, 'n1')).toEqual([]);
    expect(buildingOutline({ walls: [wall('a', 'n1', p(0, 0), p(8, 0)), wall('b', 'n1', p(8, 0), p(8, 6)), wall('c', 'n2', p(50, 50), p(60, 60))] }, 'n1')).toEqual([p(0, 0), p(8, 0), p(8, 6)]);
  });
});
