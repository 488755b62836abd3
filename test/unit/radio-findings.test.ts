/** Every channel at its own frequency, channels not allowed in France flagged, APs on a wall line flagged. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyChannelBlock, channelCentreMHz } from '../../propagation/radio/channels.ts';
import { sceneFromProject } from '../../src/engine/scene-from-project.ts';
import { missingForDeliverables } from '../../src/model/deliverable-readiness.ts';
import { parseProjectJson } from '../../src/model/parse-project.ts';
import { apsOnWalls, channelFindings, wallTooClose } from '../../src/model/radio-findings.ts';

const demo = parseProjectJson(readFileSync(resolve(import.meta.dirname, '../../fixtures/project-format/v4-demo.json'), 'utf8'));

describe('every channel at its own frequency', () => {
  it('IEEE numbering: 5 GHz 149 at 5745 MHz, 2.4 GHz 14 at 2484 MHz, 6 GHz 233 at 7115 MHz; 5 GHz 7 does not exist', () => {
    expect(channelCentreMHz('5', 149)).toBe(5745);
    expect(channelCentreMHz('2.4', 14)).toBe(2484);
    expect(channelCentreMHz('6', 233)).toBe(7115);
    expect(channelCentreMHz('5', 7)).toBeNull();
    // Worldwide blocks where the EU has none: 149 at 80 MHz spans 149–161, centre channel 155 (5775 MHz).
    expect(anyChannelBlock('5', 149, 80)).toEqual({ centerMHz: 5775, widthMHz: 80, channels: [149, 153, 157, 161] });
    expect(anyChannelBlock('5', 36, 80)!.centerMHz).toBe(5210);
  });

  it('a project radio on 5 GHz channel 149 is computed at 5745 MHz, not at a fallback, and flagged', () => {
    const document = structuredClone(demo);
    const radio = document.accessPoints[0]!.radios.find((candidate) => candidate.band === '5')!;
    radio.channel = 149;
    radio.widthMHz = 20;
    const scene = sceneFromProject(document);
    expect(scene.radios.find((candidate) => candidate.id === radio.id)!.centerMHz).toBe(5745);
    expect(channelFindings(document)).toEqual([{ apId: document.accessPoints[0]!.id, apName: document.accessPoints[0]!.name, band: '5', channel: 149, centreMHz: 5745 }]);
    expect(missingForDeliverables(document)).toContain(`${document.accessPoints[0]!.name} : canal 149 en 5 GHz, non autorisé en France.`);
    expect(channelFindings(demo)).toEqual([]);
  });
});

describe('an AP on a wall line', () => {
  it('within 5 cm of a wall: found, with the two places 10 cm off the line on each side', () => {
    const document = structuredClone(demo);
    const wall = document.walls[0]!;
    const ap = document.accessPoints[0]!;
    const mid = { xM: (wall.from.xM + wall.to.xM) / 2, yM: (wall.from.yM + wall.to.yM) / 2 };
    const near = wallTooClose(document, { levelId: wall.levelId, position: mid })!;
    expect(near.wall.id).toBe(wall.id);
    expect(near.distanceM).toBeCloseTo(0, 9);
    for (const side of near.sides) expect(Math.hypot(side.xM - mid.xM, side.yM - mid.yM)).toBeCloseTo(0.1, 3);
    expect(wallTooClose(document, { levelId: wall.levelId, position: near.sides[0] })).toBeNull();
    expect(wallTooClose(document, ap)).toBeNull();
    // The study-wide list the project import reports: none in the demo, the moved AP once moved.
    expect(apsOnWalls(document)).toEqual([]);
    ap.levelId = wall.levelId;
    ap.position = { xM: mid.xM, yM: mid.yM };
    expect(apsOnWalls(document)).toEqual([{ apName: ap.name, distanceM: expect.closeTo(0, 9) }]);
  });
});
