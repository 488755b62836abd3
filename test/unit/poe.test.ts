/** PoE classes against IEEE Std 802.3 (PSE output and PD input per class) and the switch budget of a study. */
import { describe, expect, it } from 'vitest';
import { POE_CLASSES, poeClassForDraw } from '../../src/model/poe.ts';
import { poeBudget } from '../../src/report/spreadsheet/study-sheets.ts';
import { createProject } from '../../src/model/create-project.ts';

describe('PoE classes', () => {
  it('has the published port and device powers: 15.4/12.95 W (af), 30/25.5 W (at), 45/40 to 90/71.3 W (bt)', () => {
    expect(POE_CLASSES.map((entry) => [entry.poeClass, entry.pseW, entry.pdW])).toEqual([
      [0, 15.4, 12.95], [1, 4, 3.84], [2, 7, 6.49], [3, 15.4, 12.95], [4, 30, 25.5], [5, 45, 40], [6, 60, 51], [7, 75, 62], [8, 90, 71.3],
    ]);
  });

  it('finds the smallest class covering a draw', () => {
    expect([12, 12.95, 13, 20, 30, 45, 55, 70].map((watts) => poeClassForDraw(watts)?.poeClass)).toEqual([3, 3, 4, 4, 5, 6, 7, 8]);
    expect(poeClassForDraw(80)).toBeNull();
  });

  it('reserves each AP’s class power on the switches, an unknown class as 802.3at', () => {
    const document = createProject({ title: 'PoE', id: 'poe' });
    const [first, second] = document.apModels;
    first!.poeClass = 6;
    second!.poeClass = null;
    const ap = (id: string, modelId: string) => ({ id, levelId: document.levels[0]!.id, name: id, modelId, position: { xM: 1, yM: 1 }, heightM: 2.7, azimuthDeg: 0, tiltDeg: 0, mounting: 'plafond' as const, radios: [], locked: false, bssidPrefix: '', tags: [] });
    document.accessPoints = [ap('a', first!.id), ap('b', first!.id), ap('c', second!.id)] as unknown as typeof document.accessPoints;
    // 2 × 60 W (class 6) + 30 W (unknown, counted as class 4).
    expect(poeBudget(document)).toEqual({ reservedW: 150, ports: 3, unknown: 1 });
  });
});
