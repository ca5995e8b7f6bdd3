import { Rng } from './rng.ts';

/**
 * How the next step is chosen.
 * - `timed`: the actor whose next step is due first (seeded latencies decide); the default.
 * - `random`: an actor with a step to take, chosen uniformly.
 * - `pct`: probabilistic concurrency testing: random actor priorities, lowered at
 *   `depth - 1` random change points; finds a bug of depth d with probability at least
 *   1/(n·k^(d−1)).
 * - `replay`: exactly the actors named in `choices`, in order (a token whose actor has
 *   nothing to do is skipped, which is what lets a shrunk schedule still replay).
 */
export type SchedulerSpec =
  | { readonly kind: 'timed' }
  | { readonly kind: 'random' }
  | { readonly kind: 'pct'; readonly depth: number; readonly expectedSteps: number }
  | { readonly kind: 'replay'; readonly choices: readonly string[] };

/** Picks one of the ready actors (indices into the model's actors); undefined ends the run. */
export interface Chooser {
  choose(ready: readonly number[], codes: readonly string[]): number | undefined;
}

/** The scheduler's draws come from their own stream so a replay reproduces the model's draws. */
const SCHEDULER_STREAM = 0x5c4ed;

export function makeChooser(spec: SchedulerSpec, seed: number, actorCount: number): Chooser {
  switch (spec.kind) {
    case 'timed':
      throw new Error('the timed scheduler is driven by the event queue, not a chooser');
    case 'random': {
      const rng = Rng.derive(seed, SCHEDULER_STREAM);
      return { choose: (ready) => ready[rng.int(0, ready.length - 1)] };
    }
    case 'pct':
      return pctChooser(spec.depth, spec.expectedSteps, Rng.derive(seed, SCHEDULER_STREAM), actorCount);
    case 'replay': {
      let next = 0;
      const choices = spec.choices;
      return {
        choose(ready, codes) {
          while (next < choices.length) {
            const code = choices[next++];
            const hit = ready.find((i) => codes[i] === code);
            if (hit !== undefined) return hit;
          }
          return undefined;
        },
      };
    }
  }
}

function pctChooser(depth: number, expectedSteps: number, rng: Rng, actorCount: number): Chooser {
  // Initial priorities are a random permutation above `depth`; change points drop the
  // running actor to priorities 1..depth-1, below every initial one.
  const priorities = Array.from({ length: actorCount }, (_, i) => depth + i);
  for (let i = priorities.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = priorities[i] as number;
    priorities[i] = priorities[j] as number;
    priorities[j] = t;
  }
  const changePoints = new Map<number, number>();
  for (let d = 1; d < depth; d++) changePoints.set(rng.int(1, Math.max(1, expectedSteps)), depth - d);
  let stepIndex = 0;
  return {
    choose(ready) {
      let best = ready[0];
      if (best === undefined) return undefined;
      for (const i of ready) if ((priorities[i] as number) > (priorities[best] as number)) best = i;
      stepIndex++;
      const lowered = changePoints.get(stepIndex);
      if (lowered !== undefined) priorities[best] = lowered;
      return best;
    },
  };
}
