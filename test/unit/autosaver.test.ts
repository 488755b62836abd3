import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from '../../src/storage/autosaver.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function recorder(fail: (value: number) => boolean = () => false) {
  const saved: number[] = [];
  const errors: number[] = [];
  const saver = new Autosaver<number>({
    save: async (value) => {
      if (fail(value)) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
      saved.push(value);
    },
    onError: (_error, value) => errors.push(value),
    debounceMs: 400,
    maxWaitMs: 1000,
  });
  return { saver, saved, errors };
}

describe('Autosaver', () => {
  it('saves only the last of a burst, after the quiet time', async () => {
    const { saver, saved } = recorder();
    saver.schedule(1);
    saver.schedule(2);
    saver.schedule(3);
    await vi.advanceTimersByTimeAsync(399);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual([3]);
  });

  it('is never more than maxWait behind while changes keep coming', async () => {
    const { saver, saved } = recorder();
    for (let value = 1; value <= 30; value++) {
      saver.schedule(value);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 30 changes 100 ms apart: a plain debounce would not have saved yet.
    expect(saved.length).toBeGreaterThanOrEqual(2);
    expect(saved.every((value, index) => index === 0 || value > saved[index - 1]!)).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved.at(-1)).toBe(30);
  });

  it('flush saves at once and resolves once stored', async () => {
    const { saver, saved } = recorder();
    saver.schedule(7);
    await saver.flush();
    expect(saved).toEqual([7]);
    expect(saver.hasPending).toBe(false);
  });

  it('a failed save is reported and kept; the next flush stores it', async () => {
    let full = true;
    const { saver, saved, errors } = recorder(() => full);
    saver.schedule(5);
    await vi.advanceTimersByTimeAsync(400);
    expect(errors).toEqual([5]);
    expect(saver.hasPending).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(errors).toEqual([5]); // no retry storm
    full = false;
    await saver.flush();
    expect(saved).toEqual([5]);
  });

  it('a change made during a slow save is saved after it, never lost', async () => {
    const saved: number[] = [];
    let release: () => void = () => {};
    const saver = new Autosaver<number>({
      save: (value) =>
        new Promise<void>((resolve) => {
          release = () => {
            saved.push(value);
            resolve();
          };
        }),
      debounceMs: 10,
    });
    saver.schedule(1);
    await vi.advanceTimersByTimeAsync(10);
    saver.schedule(2);
    const flushed = saver.flush();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await flushed;
    expect(saved).toEqual([1, 2]);
  });
});
