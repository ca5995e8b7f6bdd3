import type { Counterexample } from './counterexample.ts';
import { Expander } from './expand.ts';
import { Findings, Frontier, LevelLoop, counterexampleOf, type PathStep, type StopReason } from './level-search.ts';
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
  readonly stoppedBy: StopReason;
  /** Violating states plus violating steps. */
  readonly violations: number;
  /** Bytes the visited set holds (fingerprints, trails, hash table, the widest frontier's vectors). */
  readonly bytes: number;
  /** Length of the counterexample's schedule before shrinking: the shortest there is. */
  readonly counterexampleLength: number | null;
  readonly counterexample: Counterexample | null;
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
  const every = options.progressEvery ?? 16_384;
  const store = new StateStore();
  const frontier = new Frontier(store);
  const loop = new LevelLoop(options);
  const root = expander.initial();
  const [r1, r2] = hashVector(root.vector.data, root.vector.length);
  store.add(root.vector, r1, r2, ROOT, 0, root.perm);

  let transitions = 0;
  let terminalStates = 0;
  let violations = 0;
  let levelStart = 0;
  let levelEnd = 1;
  let expanded = 0;
  for (let searching = true; searching; ) {
    const findings = new Findings();
    frontier.begin(levelEnd);
    let interrupted = false;
    for (let p = levelStart; p < levelEnd && !interrupted; p++) {
      const ph1 = store.hash1(p);
      const ph2 = store.hash2(p);
      const outcome = expander.expand(
        store.vector(p),
        (vector, h1, h2, actor, perm) => {
          transitions++;
          frontier.offer(vector, h1, h2, p, ph1, ph2, actor, perm);
        },
        (actor, perm) => findings.brokenStep(p, ph1, ph2, actor, perm),
      );
      findings.expanded(outcome, p, ph1, ph2);
      if (++expanded % every === 0) {
        options.onProgress?.({ states: store.size, depth: loop.depth, transitions, bytes: store.bytes });
        interrupted = options.shouldStop?.() === true;
      }
    }
    terminalStates += findings.terminal;
    violations += findings.violations;
    const added = store.size - levelEnd;
    searching = loop.next({ added, states: store.size, best: findings.best, interrupted });
    levelStart = levelEnd;
    levelEnd = store.size;
    store.retire(levelStart);
  }

  let found: ReturnType<typeof counterexampleOf> | null = null;
  const first = loop.first;
  if (first !== null) {
    const path: PathStep[] = [];
    if (first.actor >= 0) path.push({ actor: first.actor, perm: first.perm });
    for (let s = first.parent; store.trail(s).parent !== ROOT; s = store.trail(s).parent) path.push(store.trail(s));
    path.reverse();
    found = counterexampleOf(model, options.invariants, options.shrink ?? true, path, store.trail(0).perm);
  }
  return {
    states: store.size,
    transitions,
    depth: loop.depth,
    terminalStates,
    complete: loop.stoppedBy === 'complete',
    stoppedBy: loop.stoppedBy,
    violations,
    bytes: store.bytes,
    counterexampleLength: found?.length ?? null,
    counterexample: found?.counterexample ?? null,
  };
}
