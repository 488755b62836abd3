/** The hover readout stays inside the canvas. */
import { describe, expect, it } from 'vitest';
import { readoutPosition } from '../../../src/ui/editor/readout-position.ts';

const canvas = { width: 800, height: 500 };
const box = { width: 220, height: 64 };

describe('position de la lecture au survol', () => {
  it('en bas à droite du curseur quand il y a la place', () => expect(readoutPosition({ x: 100, y: 100 }, box, canvas)).toEqual({ left: 116, top: 116 }));
  it('à gauche près du bord droit (800 − 16 − 220 < 700)', () => expect(readoutPosition({ x: 700, y: 100 }, box, canvas)).toEqual({ left: 464, top: 116 }));
  it('au-dessus près du bord bas', () => expect(readoutPosition({ x: 100, y: 480 }, box, canvas)).toEqual({ left: 116, top: 400 }));
  it('jamais hors du coin haut gauche sur un canevas minuscule', () => expect(readoutPosition({ x: 50, y: 30 }, box, { width: 120, height: 60 })).toEqual({ left: 0, top: 0 }));
});
