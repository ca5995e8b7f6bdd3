import type { Actor, Invariant, Model, StateCodec, StepContext, StepMemo } from './model.ts';
import { Rng } from './rng.ts';
import type { StepBeacon } from './step-beacon.ts';
import { StateVector, hashInto, hashed } from './state-store.ts';

/** What expanding one stored state found. */
export type Expansion =
  /** The state itself breaks a safety invariant: it is a counterexample and is not expanded. */
  | { readonly kind: 'violating'; readonly invariant: string }
  /** No actor had anything to do; `invariant` names a broken liveness property, if any. */
  | { readonly kind: 'terminal'; readonly invariant: string | null }
  | { readonly kind: 'moved' };

/** Receives each successor: its canonical vector (valid until the next call) and how it was reached. */
export type ChildSink = (vector: StateVector, h1: number, h2: number, actor: number, perm: number) => void;
/** Receives each step that breaks a transition invariant (one that compares with the state before). */
export type EdgeSink = (actor: number, perm: number, invariant: string) => void;

/**
 * One state's successors, shared by the sequential search and the parallel workers so
 * both judge states and steps identically.
 *
 * Invariants are split by what they read. A state invariant (`check(now)`) is judged once
 * per state, when the state is expanded. A transition invariant (`check(now, before)`,
 * such as "no generation goes back") is judged on every step, including steps into
 * states already seen: a step can break it even when its target was reached before by a
 * step that did not.
 */
export class Expander<W, O> {
  readonly #model: Model<W, O>;
  readonly #codec: StateCodec<W>;
  readonly #actors: readonly Actor<W>[];
  readonly #stateInvariants: readonly Invariant<O>[];
  readonly #edgeInvariants: readonly Invariant<O>[];
  readonly #liveness: readonly Invariant<O>[];
  readonly #symmetric: boolean;
  readonly #child = new StateVector();
  // Exhaustive configurations take no time, so every step sees the clock at zero. The
  // generator is shared like the original search's: these models draw nothing from it
  // that changes behaviour (every latency and jitter is zero).
  readonly #ctx: StepContext = { now: 0, rng: new Rng(0) };

  readonly #beacon: StepBeacon | null;

  /** With a `beacon`, every step is marked on it, so a step that never returns can be named from outside. */
  constructor(model: Model<W, O>, invariants: readonly Invariant<O>[], symmetric: boolean, beacon: StepBeacon | null = null) {
    this.#beacon = beacon;
    const codec = model.codec;
    if (codec === undefined) throw new Error(`model ${model.name} has no state codec: it cannot be searched exhaustively`);
    this.#model = model;
    this.#codec = codec;
    this.#actors = model.actors;
    const safety = invariants.filter((i) => i.kind === 'safety');
    this.#stateInvariants = safety.filter((i) => i.check.length < 2);
    this.#edgeInvariants = safety.filter((i) => i.check.length >= 2);
    this.#liveness = invariants.filter((i) => i.kind === 'liveness');
    this.#symmetric = symmetric;
  }

  get actorCount(): number {
    return this.#actors.length;
  }

  /** The initial state's vector and the permutation that made it canonical. */
  initial(): { vector: StateVector; perm: number } {
    const world = this.#model.init(new Rng(0));
    const vector = new StateVector();
    const perm = this.#codec.encode(world, vector, this.#symmetric);
    return { vector, perm };
  }

  expand(stored: Int32Array, onChild: ChildSink, onEdge: EdgeSink): Expansion {
    const model = this.#model;
    const codec = this.#codec;
    const world = codec.decode(stored);
    const before = model.observe(world, 0);
    for (const inv of this.#stateInvariants) if (inv.check(before, null) !== null) return { kind: 'violating', invariant: inv.name };
    const edges = this.#edgeInvariants;
    const memo = codec.steps;
    const out = this.#child;
    let moved = false;
    for (let a = 0; a < this.#actors.length; a++) {
      const actor = this.#actors[a] as Actor<W>;
      if (!actor.ready(world)) continue;
      moved = true;
      let perm = memo === undefined ? -1 : memo.write(world, a, out, this.#symmetric);
      let verdict = 0;
      if (perm >= 0 && memo !== undefined) {
        verdict = edges.length === 0 ? 0 : memo.verdict;
        if (verdict < 0) {
          const child = memo.successor(world, a);
          if (child === undefined) throw new Error('the step memo lost a step it had just written');
          verdict = this.#judge(before, model.observe(child, 0), memo);
        }
      } else {
        const child = this.#step(world, actor, a, memo);
        out.clear();
        perm = codec.encode(child, out, this.#symmetric);
        if (edges.length > 0) verdict = this.#judge(before, model.observe(child, 0), memo);
      }
      for (let i = 0; verdict !== 0 && i < edges.length; i++) if ((verdict & (1 << i)) !== 0) onEdge(a, perm, (edges[i] as Invariant<O>).name);
      hashInto(out.data, out.length);
      onChild(out, hashed.h1, hashed.h2, a, perm);
    }
    if (moved) return { kind: 'moved' };
    const broken = this.#liveness.find((inv) => inv.check(before, null) !== null);
    return { kind: 'terminal', invariant: broken?.name ?? null };
  }

  /**
   * What the transition invariants say of a step from `before` to `now`: bit i set when
   * invariant i broke. With a step memo, the verdict is kept with the step (the one the
   * memo wrote or remembered last) when it depends only on the step's key: no invariant
   * read a field of the observations that the key leaves out (the memo's `unkeyed`). Then
   * the step's successor is never built or observed again.
   */
  #judge(before: O, now: O, memo: StepMemo<W> | undefined): number {
    // Kept unless an invariant reads an unkeyed field, or there is nowhere to keep it.
    let keep = memo !== undefined && this.#edgeInvariants.length <= 30 && typeof now === 'object' && now !== null;
    const unkeyed = memo?.unkeyed ?? [];
    const watch = (observation: O): O => {
      if (!keep || typeof observation !== 'object' || observation === null) return observation;
      const flag = (property: string | symbol): void => {
        if (typeof property === 'string' && unkeyed.includes(property)) keep = false;
      };
      return new Proxy(observation, {
        get(target, property, receiver) {
          flag(property);
          return Reflect.get(target, property, receiver) as unknown;
        },
        has(target, property) {
          flag(property);
          return Reflect.has(target, property);
        },
      });
    };
    const watchedNow = watch(now);
    const watchedBefore = watch(before);
    let verdict = 0;
    this.#edgeInvariants.forEach((inv, i) => {
      if (inv.check(watchedNow, watchedBefore) !== null) verdict |= 1 << i;
    });
    if (keep) memo?.keepVerdict(verdict);
    return verdict;
  }

  /** Runs the actor's code on a copy of `world` (a step the memo did not have). */
  #step(world: W, actor: Actor<W>, a: number, memo: StepMemo<W> | undefined): W {
    const copy = this.#model.clone(world);
    const child = memo === undefined ? copy : memo.watch(copy, a);
    const beacon = this.#beacon;
    if (beacon !== null) beacon.enter(a, actor.stepName?.(child) ?? 'step');
    actor.step(child, this.#ctx);
    beacon?.leave();
    return memo === undefined ? child : memo.remember(world, child, a);
  }
}

/** Orders candidate parents and counterexamples the same way in every search: by the parent's hashes, then the actor. */
export function compareKeys(aH2: number, aH1: number, aActor: number, bH2: number, bH1: number, bActor: number): number {
  if (aH2 !== bH2) return aH2 < bH2 ? -1 : 1;
  if (aH1 !== bH1) return aH1 < bH1 ? -1 : 1;
  return aActor - bActor;
}

/**
 * Turns a path through canonical states back into real actors. Each stored step says
 * which actor moved in the canonical parent and which permutation canonicalised the
 * child; the real world is always the canonical one permuted back by the product of the
 * permutations so far.
 */
export function realSchedule(permutations: readonly (readonly number[])[], rootPerm: number, steps: readonly { actor: number; perm: number }[]): number[] {
  const identity = permutations[0] ?? [];
  let tau: readonly number[] = permutations[rootPerm] ?? identity;
  const actors: number[] = [];
  for (const step of steps) {
    const real = tau.indexOf(step.actor);
    actors.push(real < 0 ? step.actor : real);
    const sigma = permutations[step.perm] ?? identity;
    tau = tau.map((x) => sigma[x] ?? x);
  }
  return actors;
}
