import { describe, expect, it } from 'vitest';
import { StateStore, StateVector, hashVector } from '../../src/sim/state-store.ts';

const vectorOf = (values: readonly number[]): StateVector => {
  const v = new StateVector();
  for (const x of values) v.push(x);
  return v;
};

describe('the visited set', () => {
  it('finds every state it holds again, through growth, and tells new ones apart', () => {
    const store = new StateStore();
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      const v = vectorOf([i, i * 7, -i]);
      const [h1, h2] = hashVector(v.data, v.length);
      expect(store.add(v, h1, h2, i - 1, i % 5, i % 3)).toBe(i);
    }
    for (let i = 0; i < n; i += 97) {
      const v = vectorOf([i, i * 7, -i]);
      const [h1, h2] = hashVector(v.data, v.length);
      expect(store.add(v, h1, h2, 0, 0, 0), `state ${i} is found, not added again`).toBe(-(i + 1));
    }
    expect(store.size).toBe(n);
    expect(store.trail(1234)).toEqual({ parent: 1233, actor: 1234 % 5, perm: 1234 % 3 });
    expect(store.bytes / store.size, 'fingerprint, index and trail cost tens of bytes a state').toBeLessThan(64);
  });

  it('keeps the vectors and hashes of states not yet expanded, and forgets them on retire', () => {
    const store = new StateStore();
    const added = [[1, 2, 3], [4, 5], [6], [7, 8, 9, 10]].map((values, i) => {
      const v = vectorOf(values);
      const [h1, h2] = hashVector(v.data, v.length);
      store.add(v, h1, h2, i - 1, 0, 0);
      return { values, h1, h2 };
    });
    store.retire(2);
    expect(() => store.vector(1)).toThrow(/retired/);
    for (const i of [2, 3]) {
      expect([...store.vector(i)]).toEqual(added[i]?.values);
      expect([store.hash1(i), store.hash2(i)]).toEqual([added[i]?.h1, added[i]?.h2]);
    }
    const again = vectorOf([1, 2, 3]);
    expect(store.add(again, added[0]?.h1 ?? 0, added[0]?.h2 ?? 0, 0, 0, 0), 'a retired state is still known by its fingerprint').toBe(-1);
  });
});
