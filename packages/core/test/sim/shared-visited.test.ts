import { describe, expect, it } from 'vitest';
import { LevelArena } from '../../src/sim/level-arena.ts';
import { SharedVisited } from '../../src/sim/shared-visited.ts';
import { StateVector, hashVector } from '../../src/sim/state-store.ts';

const hashesOf = (i: number): [number, number] => {
  const v = new StateVector();
  for (const x of [i, i * 7, -i]) v.push(x);
  return hashVector(v.data, v.length);
};

describe("the parallel search's shared visited set", () => {
  it('inserts a state once and then names the reference that holds it', () => {
    const visited = SharedVisited.create(1 << 10);
    for (let i = 0; i < 700; i++) {
      const [h1, h2] = hashesOf(i);
      expect(visited.insert(h1, h2, 3 * i + 1)).toBe(-1);
    }
    for (let i = 0; i < 700; i += 7) {
      const [h1, h2] = hashesOf(i);
      expect(visited.insert(h1, h2, 99_999), `state ${i} is found, not inserted again`).toBe(3 * i + 1);
    }
  });

  it('grows between levels so that no level can fill it, and keeps every state', () => {
    let visited = SharedVisited.create(1 << 4);
    let states = 0;
    for (let level = 0; level < 6; level++) {
      const coming = 1000 * (level + 1);
      visited = visited.grown(states, coming);
      expect(visited.slots * 0.75, `level ${level}: room for everything it may add`).toBeGreaterThanOrEqual(states + coming);
      for (let k = 0; k < coming; k++, states++) {
        const [h1, h2] = hashesOf(states);
        expect(visited.insert(h1, h2, states)).toBe(-1);
      }
    }
    for (let i = 0; i < states; i += 11) {
      const [h1, h2] = hashesOf(i);
      expect(visited.insert(h1, h2, -5)).toBe(i);
    }
    expect(visited.grown(states, 0), 'a table with room is kept, not copied').toBe(visited);
  });

  it("reads a level's states back in order from another thread's view of the arena", () => {
    const arena = new LevelArena();
    const vectors = Array.from({ length: 3000 }, (_, i) => Array.from({ length: 1 + (i % 9) }, (__, j) => i * 10 + j));
    vectors.forEach((values, i) => {
      const v = new StateVector();
      for (const x of values) v.push(x);
      arena.add(v, i, 5 - i);
    });
    const seen = new LevelArena(structuredClone(arena.memory));
    expect(seen.count).toBe(3000);
    for (const i of [0, 1, 1234, 2999]) {
      expect([...seen.vector(i)]).toEqual(vectors[i]);
      expect([seen.hash1(i), seen.hash2(i)]).toEqual([i, 5 - i]);
    }
  });
});
