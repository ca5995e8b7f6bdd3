import { explainFailure, type Counterexample } from './counterexample.ts';
import { Expander, compareKeys, realSchedule, type Expansion } from './expand.ts';
import type { Invariant, Model } from './model.ts';
import { ROOT, StateStore, hashVector } from './state-store.ts';

export interface ExhaustiveOptions<O> {
  readonly invariants: readonly Invariant<O>[];
  /** Stop at the end of the level where the search holds this many states (it is then incomplete). */
  readonly maxStates?: number;
  /** Stop at the end of the first level with a violation (default): its counterexample is a shortest one. */
  readonly stopAtFirst?: boolean;
  readonly shrink?: boolean;
  /**
   * Count states that differ only by a permutation of interchangeable actors (the
   * Enactors) once (default true). The model's codec says which actors are interchangeable.
   */
  readonly symmetry?: boolean;
  /** Called every `progressEvery` expanded states: for a progress line. */
  readonly onProgress?: (progress: ExhaustiveProgress) => void;
  readonly progressEvery?: number;
  /** Asked with each progress report; true stops the search where it is (Ctrl-C). */
  readonly shouldStop?: () => boolean;
}

export interface ExhaustiveProgress {
  readonly states: number;
  readonly depth: number;
  readonly transitions: number;
  readonly bytes: number;
}

export interface ExhaustiveResult {
  /** Distinct states reached (after symmetry reduction, when on). */
  readonly states: number;
  readonly transitions: number;
  /** Length of the longest shortest path to any state. */
  readonly depth: number;
  /** States where no actor had anything left to do; liveness is judged there. */
  readonly terminalStates: number;
  /** True when every reachable state was explored. */
  readonly complete: boolean;
  readonly stoppedBy: 'complete' | 'violation' | 'max-states' | 'interrupted';
  /** Violating states plus violating steps. */
  readonly violations: number;
  /** Bytes the visited set holds (fingerprints, trails, hash table, the widest frontier's vectors). */
  readonly bytes: number;
  /** Length of the counterexample's schedule before shrinking: the shortest there is. */
  readonly counterexampleLength: number | null;
  readonly counterexample: Counterexample | null;
}

/** The counterexample of a level, chosen the same way whatever order the level was explored in. */
export interface Candidate {
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
 * counterexample that sorts first. The sequential search and every parallel worker
 * judge expansions through it, so they count and choose alike.
 */
export class Findings {
  terminal = 0;
  violations = 0;
  best: Candidate | null = null;

  /** Forgets the candidate: the sequential search keeps the first level's, and counts on. */
  nextLevel(): void {
    this.best = null;
  }

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
 * Breadth-first search over every interleaving of atomic steps, level by level, over a
 * compact visited set (fingerprints and trails in typed arrays, see state-store.ts). Breadth-first means the
 * first violation found has the shortest schedule; among the shortest, the one reported
 * is chosen by the states' hashes, not by exploration order, so the parallel search
 * (`exploreInParallel`) reports the very same one. The model must not let time
 * influence behaviour (the small-scope configurations set every latency to zero).
 */
export function exploreExhaustively<W, O>(model: Model<W, O>, options: ExhaustiveOptions<O>): ExhaustiveResult {
  const expander = new Expander(model, options.invariants, options.symmetry ?? true);
  const maxStates = options.maxStates ?? 20_000_000;
  const stopAtFirst = options.stopAtFirst ?? true;
  const every = options.progressEvery ?? 16_384;
  const store = new StateStore();
  const root = expander.initial();
  const [r1, r2] = hashVector(root.vector.data, root.vector.length);
  store.add(root.vector, r1, r2, ROOT, 0, root.perm);

  let transitions = 0;
  const findings = new Findings();
  let depth = 0;
  let levelStart = 0;
  let levelEnd = 1;
  let first: Candidate | null = null;
  let stoppedBy: ExhaustiveResult['stoppedBy'] = 'complete';
  let expanded = 0;

  search: while (levelStart < levelEnd) {
    findings.nextLevel();
    for (let p = levelStart; p < levelEnd; p++) {
      const ph1 = store.hash1(p);
      const ph2 = store.hash2(p);
      const outcome = expander.expand(
        store.vector(p),
        (vector, h1, h2, actor, perm) => {
          transitions++;
          const added = store.add(vector, h1, h2, p, actor, perm);
          if (added >= 0) return;
          const existing = -added - 1;
          if (existing < levelEnd) return;
          // Reached again in the same level: keep the parent that sorts first, so the
          // path to every state does not depend on which parent was expanded first.
          const was = store.trailParent(existing);
          if (compareKeys(ph2, ph1, actor, store.hash2(was), store.hash1(was), store.trailActor(existing)) < 0) store.setTrail(existing, p, actor, perm);
        },
        (actor, perm) => findings.brokenStep(p, ph1, ph2, actor, perm),
      );
      findings.expanded(outcome, p, ph1, ph2);
      if (++expanded % every === 0) {
        options.onProgress?.({ states: store.size, depth, transitions, bytes: store.bytes });
        if (options.shouldStop?.() === true) {
          stoppedBy = 'interrupted';
          break search;
        }
      }
    }
    if (store.size > levelEnd) depth++;
    if (findings.best !== null && first === null) first = findings.best;
    levelStart = levelEnd;
    levelEnd = store.size;
    store.retire(levelStart);
    if (first !== null && stopAtFirst) {
      stoppedBy = 'violation';
      break;
    }
    if (store.size >= maxStates && levelStart < levelEnd) {
      stoppedBy = 'max-states';
      break;
    }
  }

  const steps: { actor: number; perm: number }[] = [];
  let counterexample: Counterexample | null = null;
  let counterexampleLength: number | null = null;
  if (first !== null) {
    if (first.actor >= 0) steps.push({ actor: first.actor, perm: first.perm });
    for (let s = first.parent; store.trail(s).parent !== ROOT; s = store.trail(s).parent) steps.push(store.trail(s));
    steps.reverse();
    const schedule = realSchedule(model.codec?.permutations ?? [], store.trail(0).perm, steps);
    counterexampleLength = schedule.length;
    counterexample = explainFailure(model, {
      seed: 0,
      scheduler: { kind: 'replay', choices: schedule.map((a) => model.actors[a]?.code ?? '?') },
      invariants: options.invariants,
      shrink: options.shrink ?? true,
    });
  }
  return {
    states: store.size,
    transitions,
    depth,
    terminalStates: findings.terminal,
    complete: stoppedBy === 'complete',
    stoppedBy,
    violations: findings.violations,
    bytes: store.bytes,
    counterexampleLength,
    counterexample,
  };
}
