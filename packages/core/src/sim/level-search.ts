import { explainFailure, type Counterexample } from './counterexample.ts';
import { compareKeys, realSchedule, type Expansion } from './expand.ts';
import type { Invariant, Model } from './model.ts';
import type { StateStore, StateVector } from './state-store.ts';

/**
 * What the sequential search (exhaustive.ts) and the parallel one (parallel.ts and its
 * workers) share: the rule that picks a state's parent within a level, the judging of
 * expansions, the decision after each level, and the result with its counterexample. The
 * two differ only in where states live and how a level's successors reach their owner.
 */

/** Why a search stopped. */
export type StopReason = 'complete' | 'violation' | 'max-states' | 'interrupted';

/** The counterexample of a level, chosen the same way whatever order the level was explored in. */
export interface Candidate {
  /** The parent state's reference (an index; in the parallel search, index × workers + worker). */
  readonly parent: number;
  readonly h1: number;
  readonly h2: number;
  /** -1: the state itself; otherwise the step out of it that breaks a transition invariant. */
  readonly actor: number;
  readonly perm: number;
}

export function betterCandidate(a: Candidate | null, b: Candidate): boolean {
  if (a === null) return true;
  // A violating state is one step shorter than a violating step out of a state of the same level.
  if ((a.actor < 0) !== (b.actor < 0)) return b.actor < 0;
  return compareKeys(b.h2, b.h1, b.actor, a.h2, a.h1, a.actor) < 0;
}

/**
 * What expanding states found: terminal states, violations, and the candidate
 * counterexample that sorts first. Every search judges expansions through it, so they
 * count and choose alike.
 */
export class Findings {
  terminal = 0;
  violations = 0;
  best: Candidate | null = null;

  /** A step of `actor` out of state `parent` (hashes `h1`, `h2`) breaks a transition invariant. */
  brokenStep(parent: number, h1: number, h2: number, actor: number, perm: number): void {
    this.violations++;
    this.#offer({ parent, h1, h2, actor, perm });
  }

  /** What expanding state `parent` said of the state itself. */
  expanded(outcome: Expansion, parent: number, h1: number, h2: number): void {
    if (outcome.kind === 'terminal') this.terminal++;
    if (outcome.kind === 'violating' || (outcome.kind === 'terminal' && outcome.invariant !== null)) {
      this.violations++;
      this.#offer({ parent, h1, h2, actor: -1, perm: 0 });
    }
  }

  #offer(candidate: Candidate): void {
    if (betterCandidate(this.best, candidate)) this.best = candidate;
  }
}

/**
 * The next level as it is found, over a store of states. A state reached again within the
 * level it was first found in keeps the parent that sorts first (by the parent's hashes,
 * then the actor), so the path to every state, and so the counterexample, does not depend
 * on which parent was expanded first, nor on which worker expanded it.
 */
export class Frontier {
  readonly #store: StateStore;
  #levelEnd = 0;
  // The parents' hashes of the states added in this level (a parent may live in another worker).
  #parentH1: number[] = [];
  #parentH2: number[] = [];

  constructor(store: StateStore) {
    this.#store = store;
  }

  /** Starts finding the level after the states below `levelEnd`. */
  begin(levelEnd: number): void {
    this.#levelEnd = levelEnd;
    this.#parentH1 = [];
    this.#parentH2 = [];
  }

  /** A successor reached from `parent` (hashes `ph1`, `ph2`) by `actor`: stores it if new. */
  offer(vector: StateVector, h1: number, h2: number, parent: number, ph1: number, ph2: number, actor: number, perm: number): void {
    const store = this.#store;
    const added = store.add(vector, h1, h2, parent, actor, perm);
    if (added >= 0) {
      this.#parentH1.push(ph1);
      this.#parentH2.push(ph2);
      return;
    }
    const existing = -added - 1;
    if (existing < this.#levelEnd) return;
    const k = existing - this.#levelEnd;
    if (compareKeys(ph2, ph1, actor, this.#parentH2[k] as number, this.#parentH1[k] as number, store.trailActor(existing)) < 0) {
      store.setTrail(existing, parent, actor, perm);
      this.#parentH1[k] = ph1;
      this.#parentH2[k] = ph2;
    }
  }
}

/** What a level added up to, across every worker. */
export interface LevelOutcome {
  /** States found in the level (new to the search). */
  readonly added: number;
  /** States the search holds now. */
  readonly states: number;
  readonly best: Candidate | null;
  /** The level was not expanded whole (Ctrl-C). */
  readonly interrupted: boolean;
}

/**
 * The decision after every level, the same in every search: depth counts levels that
 * added states; the first level with a violation gives the counterexample (a shortest
 * one), and stops the search unless asked to go on; `maxStates` stops it at a level's end.
 */
export class LevelLoop {
  depth = 0;
  first: Candidate | null = null;
  stoppedBy: StopReason = 'complete';
  readonly #stopAtFirst: boolean;
  readonly #maxStates: number;

  constructor(options: { readonly stopAtFirst?: boolean; readonly maxStates?: number }) {
    this.#stopAtFirst = options.stopAtFirst ?? true;
    this.#maxStates = options.maxStates ?? 20_000_000;
  }

  /** Takes a level's outcome; true to search the next level. */
  next(level: LevelOutcome): boolean {
    // An interrupted level was not expanded whole: depth stays at it.
    if (level.interrupted) return this.#stop('interrupted');
    if (level.added > 0) this.depth++;
    this.first ??= level.best;
    if (this.first !== null && this.#stopAtFirst) return this.#stop('violation');
    if (level.added === 0) return false;
    if (level.states >= this.#maxStates) return this.#stop('max-states');
    return true;
  }

  /** Stops between levels, as Ctrl-C does. */
  interrupt(): void {
    this.stoppedBy = 'interrupted';
  }

  #stop(reason: StopReason): false {
    this.stoppedBy = reason;
    return false;
  }
}

/** A step on the path to the counterexample: the actor that moved in the canonical parent, and the child's permutation. */
export interface PathStep {
  readonly actor: number;
  readonly perm: number;
}

/**
 * The counterexample of `first`, from its path through canonical states (root first) and
 * the root's permutation: turned back into real actors, replayed, and explained.
 */
export function counterexampleOf<W, O>(
  model: Model<W, O>,
  invariants: readonly Invariant<O>[],
  shrink: boolean,
  path: readonly PathStep[],
  rootPerm: number,
): { readonly counterexample: Counterexample | null; readonly length: number } {
  const schedule = realSchedule(model.codec?.permutations ?? [], rootPerm, path);
  const counterexample = explainFailure(model, {
    seed: 0,
    scheduler: { kind: 'replay', choices: schedule.map((a) => model.actors[a]?.code ?? '?') },
    invariants,
    shrink,
  });
  return { counterexample, length: schedule.length };
}
