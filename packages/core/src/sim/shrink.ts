import type { Invariant, Model } from './model.ts';
import { runModel } from './run.ts';

export interface ShrinkOptions<O> {
  readonly seed: number;
  readonly invariants: readonly Invariant<O>[];
  /** The invariant that must still break for a smaller schedule to be kept. */
  readonly invariant: string;
  readonly maxSteps?: number;
  /** How many replays shrinking may spend. */
  readonly budget?: number;
}

/**
 * Removes steps from a failing schedule while it still breaks the same invariant
 * (delta debugging: drop chunks, halving their size). fast-check does not shrink
 * schedules; a short counterexample is what makes a race explainable in a classroom.
 */
export function shrinkSchedule<W, O>(model: Model<W, O>, choices: readonly string[], options: ShrinkOptions<O>): string[] {
  let budget = options.budget ?? 2000;
  const fails = (candidate: readonly string[]): readonly string[] | null => {
    budget--;
    const run = runModel(model, {
      seed: options.seed,
      scheduler: { kind: 'replay', choices: candidate },
      invariants: options.invariants,
      trace: false,
      maxSteps: options.maxSteps ?? candidate.length + 1,
    });
    return run.violations.some((v) => v.invariant === options.invariant) ? run.choices : null;
  };
  // Replay first: it drops tokens whose actor had nothing to do and cuts the tail.
  let current: readonly string[] = fails(choices) ?? choices;
  for (let chunk = Math.max(1, current.length >> 1); chunk >= 1 && budget > 0; chunk >>= 1) {
    let start = 0;
    while (start < current.length && budget > 0) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      const kept = fails(candidate);
      if (kept !== null && kept.length < current.length) current = kept;
      else start += chunk;
    }
  }
  return [...current];
}
