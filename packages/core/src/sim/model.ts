import type { StateVector } from './state-store.ts';
import type { Rng } from './rng.ts';

/**
 * What an actor's atomic step returns: a short result for the timeline, whether it
 * succeeded, and how long the actor is busy before it can take its next step.
 */
export interface Outcome {
  readonly result: string;
  readonly ok: boolean;
  readonly delayMs: number;
}

/** What a step may use besides the world: the clock and the run's one PRNG. */
export interface StepContext {
  readonly now: number;
  readonly rng: Rng;
}

/**
 * One independent process of a model (the Planner, an Enactor, an operator). Its state
 * lives in the world, not in the actor, so that a world can be copied and hashed.
 * Every call to `step` is one atomic, labelled interleaving point.
 */
export interface Actor<W> {
  /** Name in the timeline, e.g. `enactor-az1`. */
  readonly id: string;
  /** Short name used in schedule strings, e.g. `a1`. */
  readonly code: string;
  /** Whether the actor has a step to take now. */
  ready(world: W): boolean;
  /** The label of that step, e.g. `apply gen 110 to dynamodb.us-east-1.amazonaws.com`. */
  describe(world: W): string;
  step(world: W, ctx: StepContext): Outcome;
  /**
   * The name of the code `step` will run next (an Enactor's method, e.g. `checkFreshness`),
   * so that a search can say which step never returned. A constant string: it is asked before every step.
   */
  stepName?(world: W): string;
  /** When idle in time-ordered runs: how long until it looks again (Infinity: never). */
  idleMs(world: W): number;
  /** When it first wakes (simulated ms). */
  startMs(world: W): number;
}

/** A model the simulator can run: a way to build its world, its actors and its invariants. */
export interface Model<W, O> {
  readonly name: string;
  readonly actors: readonly Actor<W>[];
  /** A fresh world. Must draw nothing from `rng` that depends on scheduling. */
  init(rng: Rng): W;
  /** What invariants and learners may look at: the observable state, never the internals. */
  observe(world: W, now: number): O;
  /** A deep copy, for exhaustive exploration. */
  clone(world: W): W;
  /** A canonical string of everything that can influence future behaviour. */
  fingerprint(world: W): string;
  /** The compact state vector the exhaustive search stores; without it, no exhaustive search. */
  readonly codec?: StateCodec<W>;
}

/**
 * A world as a vector of int32 and back, for the exhaustive search. The vector must hold
 * everything that can influence future behaviour (as `fingerprint` does), and decoding it
 * must give a world that behaves exactly like the one encoded.
 */
export interface StateCodec<W> {
  /**
   * Writes the world's vector into `out`. With `symmetric`, writes the least vector over
   * the model's symmetry permutations instead, and returns which one it applied (0 is
   * the identity), so the search can map its steps back to real actors.
   */
  encode(world: W, out: StateVector, symmetric: boolean): number;
  decode(vector: Int32Array): W;
  /**
   * For each symmetry permutation, where it sends each actor index: permuting a world by
   * `p` and then letting actor `permutations[p][a]` step gives the same world as letting
   * actor `a` step and then permuting. [0] is the identity.
   */
  readonly permutations: readonly (readonly number[])[];
  /**
   * What the vectors refer to beyond themselves (interned strings, records), for codecs
   * that have any: the parallel workers send each other what they added each level.
   */
  readonly dictionary?: { drain(): string[]; absorb(entries: readonly string[]): void };
  /** Remembers steps by what they read, for codecs whose actors each read a known part of the world. */
  readonly steps?: StepMemo<W>;
}

/**
 * The exhaustive search meets the same step again and again: an Enactor in one state, on
 * one zone, with one plan store, while the other Enactors are anywhere. A step memo keys
 * a step by what its actor may read and keeps the part of the world it may change, so
 * the search runs the actor's code once per key and builds every other successor from
 * the memo.
 */
export interface StepMemo<W> {
  /** The successor of `world` by actor `actor`, if that step was remembered. */
  successor(world: W, actor: number): W | undefined;
  /** A copy of `world` for `actor` to step in, watched for reads beyond the key. */
  watch(copy: W, actor: number): W;
  /**
   * After the step in the watched copy: remembers it, unless the step read what the key
   * leaves out (then the memo turns itself off), and returns the successor to use.
   */
  remember(world: W, stepped: W, actor: number): W;
  /**
   * Writes the canonical vector of `world`'s successor by `actor` into `out`, as the codec's
   * `encode` would, if that step was remembered: from the parts' numbers, with no world
   * built. Returns the permutation, or -1 when the step is not remembered.
   */
  write(world: W, actor: number, out: StateVector, symmetric: boolean): number;
  /**
   * What the transition invariants said of the step `write` wrote last (bit i: invariant i
   * broke), or -1 when they have not judged it yet. `keepVerdict` keeps one for the step
   * `write` wrote or `remember` remembered last.
   */
  readonly verdict: number;
  keepVerdict(verdict: number): void;
  /**
   * The observation's fields the key does not determine (the other actors' states). A
   * verdict is a function of the key only if no invariant read one of them; the search
   * watches them, and keeps only such verdicts.
   */
  readonly unkeyed: readonly string[];
}

/**
 * A named property. Safety properties are checked after every step; liveness properties
 * once, when the run ends (time is up, or no actor has anything left to do).
 * `check` returns a sentence when the property is broken, null when it holds.
 */
export interface Invariant<O> {
  readonly name: string;
  readonly description: string;
  readonly kind: 'safety' | 'liveness';
  check(now: O, before: O | null): string | null;
}

/** One line of the timeline. */
export interface TraceStep {
  readonly index: number;
  readonly time: number;
  readonly actor: string;
  readonly code: string;
  readonly action: string;
  readonly result: string;
  readonly ok: boolean;
}

export interface Violation {
  readonly invariant: string;
  readonly message: string;
  /** Index of the step after which the invariant was broken (-1: the initial state). */
  readonly step: number;
  readonly time: number;
}
