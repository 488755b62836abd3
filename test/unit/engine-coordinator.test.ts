import { describe, expect, it } from 'vitest';
import { levelGrid, officeBuilding } from '../../propagation/scenarios/office-floor.ts';
import { PredictionSession } from '../../propagation/session/prediction-session.ts';
import { EngineCoordinator, FieldHelper, coarsen, type RemoteHelper } from '../../workers/engine-coordinator.ts';
import { CancelledError, type LayerRequest, type LayerResult, type Progress } from '../../workers/engine-protocol.ts';
import { poolSize } from '../../workers/engine-client.ts';

const scene = officeBuilding({ widthM: 30, heightM: 20, wallsPerLevel: 80, levels: 1, apsPerLevel: 5, bands: ['2.4', '5'], seed: 8 });
const grid = levelGrid(30, 20, 0.25);
const request: LayerRequest = {
  levelId: 'niveau-0',
  band: '5',
  layer: 'sinr',
  grid,
  coarseFactor: 4,
  zones: [{ id: 'z', polygon: [0, 0, 30, 0, 30, 20, 0, 20], requirement: { minPrimaryRssiDbm: -67, minSecondaryRssiDbm: null, minSnrDb: 25, maxCoChannelAps: null, minPhyRateMbps: null } }],
};

/** A helper that answers asynchronously, like a worker, and counts its jobs. */
function asyncHelper(): RemoteHelper & { jobs: number } {
  const helper = new FieldHelper();
  const remote = {
    jobs: 0,
    setScene: async (s: typeof scene) => helper.setScene(s),
    run: async (jobs: Parameters<FieldHelper['run']>[0]) => {
      remote.jobs += jobs.length;
      await new Promise((resolve) => setTimeout(resolve, 1));
      return helper.run(jobs);
    },
  };
  return remote;
}

describe('engine coordinator', () => {
  it('the roaming layer follows the client of the request: a wider hysteresis marks more cells, equal to a direct computation', async () => {
    const coordinator = new EngineCoordinator();
    await coordinator.setScene(scene);
    const marked = async (hysteresisDb: number) => {
      const results: LayerResult[] = [];
      await coordinator.compute({ ...request, layer: 'roaming', coarseFactor: 1, roaming: { candidateDbm: -75, hysteresisDb } }, (result) => void results.push(result));
      return results.at(-1)!.values;
    };
    const narrow = await marked(2);
    const wide = await marked(10);
    const count = (values: Float32Array) => values.filter((value) => value > -200).length;
    expect(count(wide)).toBeGreaterThan(count(narrow));
    const direct = new PredictionSession();
    direct.setScene(scene);
    const { best, second } = direct.bandLayers('niveau-0', '5', grid).layers;
    let expected = 0;
    for (let cell = 0; cell < best.length; cell++) if (second[cell]! >= -75 && best[cell]! - second[cell]! <= 10) expected++;
    expect(count(wide)).toBe(expected);
  });

  it('sends a coarse result first, then the full one, equal to a direct computation; progress reaches the total', async () => {
    const coordinator = new EngineCoordinator();
    await coordinator.setScene(scene);
    const results: LayerResult[] = [];
    const progress: Progress[] = [];
    await coordinator.compute(request, (result) => void results.push(result), (value) => void progress.push(value));
    expect(results.map((result) => result.coarse)).toEqual([true, false]);
    expect(results[0]!.grid).toEqual(coarsen(grid, 4));
    expect(results[0]!.values).toHaveLength(Math.ceil(grid.nx / 4) * Math.ceil(grid.ny / 4));
    const direct = new PredictionSession();
    direct.setScene(scene);
    expect(Array.from(results[1]!.values)).toEqual(Array.from(direct.bandLayers('niveau-0', '5', grid).layers.sinr));
    expect(progress.at(-1)).toEqual({ done: 10, total: 10 });
    expect(results[1]!.zones[0]!.statistics.cellCount).toBe(grid.nx * grid.ny);
  });

  it('shares the jobs with helpers and gets the same numbers', async () => {
    const helpers = [asyncHelper(), asyncHelper()];
    const coordinator = new EngineCoordinator(helpers);
    await coordinator.setScene(scene);
    const results: LayerResult[] = [];
    await coordinator.compute({ ...request, coarseFactor: 1 }, (result) => void results.push(result));
    expect(helpers[0]!.jobs + helpers[1]!.jobs).toBeGreaterThanOrEqual(2);
    const alone = new EngineCoordinator();
    await alone.setScene(scene);
    const reference: LayerResult[] = [];
    await alone.compute({ ...request, coarseFactor: 1 }, (result) => void reference.push(result));
    expect(Array.from(results[0]!.values)).toEqual(Array.from(reference[0]!.values));
  });

  it('a newer request cancels the one in progress; moving an AP afterwards recomputes one AP only', async () => {
    const coordinator = new EngineCoordinator([asyncHelper()]);
    await coordinator.setScene(scene);
    const first = coordinator.compute({ ...request, band: '2.4' }, () => {});
    const second: LayerResult[] = [];
    const secondDone = coordinator.compute(request, (result) => void second.push(result));
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    await secondDone;
    expect(second.at(-1)!.coarse).toBe(false);

    const apId = scene.radios[0]!.apId;
    await coordinator.setScene({ ...scene, radios: scene.radios.map((radio) => (radio.apId === apId ? { ...radio, x: radio.x + 1 } : radio)) });
    const after: LayerResult[] = [];
    await coordinator.compute({ ...request, coarseFactor: 1 }, (result) => void after.push(result));
    expect(after[0]!.computedFields).toBe(1);
  });

  it('explicit cancel stops a request', async () => {
    const coordinator = new EngineCoordinator();
    await coordinator.setScene(scene);
    const running = coordinator.compute(request, () => {});
    coordinator.cancel();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  });

  it('pool size is hardwareConcurrency − 1, at least 1', () => {
    expect(poolSize(2)).toBe(1);
    expect(poolSize(8)).toBe(7);
    expect(poolSize(1)).toBe(1);
  });
});
