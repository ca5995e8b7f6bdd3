import { describe, expect, it } from 'vitest';
import { contentKey, declareStateless, forgetMemos, identityKey, memoTable } from '../../src/sim/memo.ts';
import { october2025Region, runRegion } from '../../src/index.ts';

describe('contentKey: the exact inputs of a memoised run', () => {
  it('is the same for the same data, whatever order its fields were written in', () => {
    expect(contentKey({ a: 1, b: [2, 'x'] })).toBe(contentKey({ b: [2, 'x'], a: 1 }));
    expect(contentKey({ a: 1, b: undefined })).toBe(contentKey({ a: 1 }));
  });

  it('tells apart values JSON would print alike', () => {
    const keys = [Infinity, -Infinity, NaN, null, 0, -0, '1', 1, true, 'true', [1], { 0: 1 }].map(contentKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses what it cannot key by content: such a run is not memoised', () => {
    expect(contentKey({ policy: () => 1 })).toBeNull();
    expect(contentKey([new Map()])).toBeNull();
    expect(contentKey([undefined])).toBeNull();
  });

  it('keys objects that carry behaviour by identity', () => {
    const a = {};
    expect(identityKey(a)).toBe(identityKey(a));
    expect(identityKey(a)).not.toBe(identityKey({}));
  });
});

describe('memoTable', () => {
  it('computes once per key, keeps the ones used last, and forgets everything on forgetMemos', () => {
    const table = memoTable<number>(2);
    let runs = 0;
    const get = (key: string): number => table.get(key, () => ++runs);
    expect([get('a'), get('b'), get('a')]).toEqual([1, 2, 1]);
    get('c');
    expect(get('a'), 'a was used last: it is kept').toBe(1);
    expect(get('b'), 'b was the oldest: computed again').toBe(4);
    forgetMemos();
    expect(get('a')).toBe(5);
  });
});

describe('runRegion, memoised', () => {
  // Four whole nights: under a second each on a quiet machine. A guard against a hang.
  it('hands back the night already run for the same inputs, and runs a night anew for others', { timeout: 120_000 }, () => {
    const night = runRegion(october2025Region);
    expect(runRegion({ ...october2025Region }), 'an equal config is the same input').toBe(night);
    const progress: number[] = [];
    runRegion(october2025Region, { onProgress: (f) => progress.push(f) });
    expect(progress, 'a night from memory still finishes the progress bar').toEqual([1]);
    const throttle = { name: 'none', admit: (n: number) => n, shouldDrop: () => false };
    const unvouched = runRegion(october2025Region, { fixes: { throttle } });
    expect(unvouched, 'a fix is an input').not.toBe(night);
    expect(runRegion(october2025Region, { fixes: { throttle } }), 'a fix nobody vouched stateless (a learner’s) may keep state: its night runs again').not.toBe(unvouched);
    declareStateless(throttle);
    const throttled = runRegion(october2025Region, { fixes: { throttle } });
    expect(runRegion(october2025Region, { fixes: { throttle } })).toBe(throttled);
  });
});
