import { explainFailure, type Counterexample } from './counterexample.ts';
import type { Invariant, Model } from './model.ts';
import { runModel } from './run.ts';

export interface ExploreOptions<O> {
  readonly invariants: readonly Invariant<O>[];
  /** `random`: uniform choice of the next actor; `pct`: random priorities with change points. */
  readonly strategy: 'random' | 'pct';
  readonly firstSeed?: number;
  /** How many seeds (runs) at most. */
  readonly runs: number;
  /** PCT's bug depth: how many priority change points plus one. */
  readonly depth?: number;
  readonly maxSteps?: number;
  /** Shrink the counterexample (default true). */
  readonly shrink?: boolean;
}

export interface ExploreResult {
  readonly runs: number;
  /** Seeds that broke an invariant, in order; empty when none did. */
  readonly failingSeeds: readonly number[];
  readonly counterexample: Counterexample | null;
}

/**
 * Runs many seeds, each with its own schedule, and reports the first seed that breaks an
 * invariant (with its counterexample). Runs keep no trace, for speed; the failing seed is
 * replayed with one to explain it.
 */
export function explore<W, O>(model: Model<W, O>, options: ExploreOptions<O>): ExploreResult {
  const first = options.firstSeed ?? 1;
  const maxSteps = options.maxSteps ?? 10_000;
  const depth = options.depth ?? 3;
  const scheduler = (expectedSteps: number) =>
    options.strategy === 'pct' ? { kind: 'pct' as const, depth, expectedSteps } : { kind: 'random' as const };
  let expected = 100;
  for (let n = 0; n < options.runs; n++) {
    const seed = first + n;
    const spec = scheduler(expected);
    const run = runModel(model, { seed, scheduler: spec, invariants: options.invariants, trace: false, maxSteps });
    expected = Math.max(expected, run.steps);
    if (run.violations.length > 0) {
      const counterexample = explainFailure(model, { seed, scheduler: spec, invariants: options.invariants, maxSteps, shrink: options.shrink });
      return { runs: n + 1, failingSeeds: [seed], counterexample };
    }
  }
  return { runs: options.runs, failingSeeds: [], counterexample: null };
}
