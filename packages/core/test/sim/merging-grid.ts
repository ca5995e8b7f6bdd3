import type { Actor, Invariant, Model, StateCodec } from '../../src/sim/model.ts';
import type { ModelRecipe } from '../../src/sim/parallel-protocol.ts';

/**
 * A model whose one bad state has parents all over a level: two actors walk a grid (x and
 * y up to `size`), and a third, on the diagonal x + y = size, jumps to a single `merged`
 * state, the counterexample. Interleavings of the walk meet again as siblings do, but the
 * merged state's parents are every state of the diagonal's level, so a parallel search's
 * workers both find it, and the parent that sorts first may be either one's.
 */
interface Grid {
  x: number;
  y: number;
  merged: boolean;
}

const walk = (axis: 'x' | 'y', size: number): Actor<Grid> => ({
  id: `walk-${axis}`,
  code: axis,
  ready: (g) => !g.merged && g[axis] < size,
  describe: () => `step along ${axis}`,
  step(g) {
    g[axis]++;
    return { result: `${axis} = ${g[axis]}`, ok: true, delayMs: 0 };
  },
  idleMs: () => Infinity,
  startMs: () => 0,
});

const merge = (size: number): Actor<Grid> => ({
  id: 'merge',
  code: 'm',
  ready: (g) => !g.merged && g.x + g.y === size,
  describe: () => 'merge',
  step(g) {
    g.merged = true;
    g.x = 0;
    g.y = 0;
    return { result: 'merged', ok: true, delayMs: 0 };
  },
  idleMs: () => Infinity,
  startMs: () => 0,
});

const codec: StateCodec<Grid> = {
  permutations: [[0, 1, 2]],
  encode(g, out) {
    out.push(g.x);
    out.push(g.y);
    out.push(g.merged ? 1 : 0);
    return 0;
  },
  decode: (v) => ({ x: v[0] ?? 0, y: v[1] ?? 0, merged: v[2] === 1 }),
};

export const merged: Invariant<{ merged: boolean }> = {
  name: 'merged',
  description: 'the walk never merges',
  kind: 'safety',
  check: (now) => (now.merged ? 'merged' : null),
};

export function mergingGrid(size: number): { model: Model<Grid, { merged: boolean }>; invariants: Invariant<{ merged: boolean }>[] } {
  const model: Model<Grid, { merged: boolean }> = {
    name: `grid${size}`,
    actors: [walk('x', size), walk('y', size), merge(size)],
    init: () => ({ x: 0, y: 0, merged: false }),
    observe: (g) => ({ merged: g.merged }),
    clone: (g) => ({ ...g }),
    fingerprint: (g) => `${g.x},${g.y},${g.merged}`,
    codec,
  };
  return { model, invariants: [merged] };
}

export const mergingGridRecipe = (size: number): ModelRecipe => ({ module: import.meta.url, export: 'mergingGrid', args: size });
