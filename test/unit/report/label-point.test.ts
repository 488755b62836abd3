import { describe, expect, it } from 'vitest';
import { labelPoint, pointInPolygon } from '../../../src/report/label-point.ts';

const poly = (...points: [number, number][]) => points.map(([xM, yM]) => ({ xM, yM }));

describe('position de l’étiquette d’une zone', () => {
  it('met le nom d’un rectangle en son centre', () => {
    expect(labelPoint(poly([0, 0], [12, 0], [12, 8], [0, 8]))).toEqual({ xM: 6, yM: 4 });
  });

  it('garde le nom dans une pièce en U, dont le centroïde tombe hors de la pièce', () => {
    // U open at the top: 10 × 10 with a 6 × 8 notch; the centroid (5, 6.2) is in the notch.
    const u = poly([0, 0], [2, 0], [2, 8], [8, 8], [8, 0], [10, 0], [10, 10], [0, 10]);
    const at = labelPoint(u);
    expect(pointInPolygon(u, at.xM, at.yM)).toBe(true);
  });
});
