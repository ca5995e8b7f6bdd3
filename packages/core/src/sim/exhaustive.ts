import { explainFailure, type Counterexample } from './counterexample.ts';
import type { Invariant, Model } from './model.ts';
import { Rng } from './rng.ts';

export interface ExhaustiveOptions<O> {
  readonly invariants: readonly Invariant<O>[];
  /** Stop after this many distinct states (the search is then incomplete). */
  readonly maxStates?: number;
  /** Stop at the first violation (default), giving the shortest counterexample. */
  readonly stopAtFirst?: boolean;
  readonly shrink?: boolean;
}

export interface ExhaustiveResult {
  /** Distinct states reached (equal states, by fingerprint, are explored once). */
  readonly states: number;
  readonly transitions: number;
  /** Length of the longest shortest path to any state. */
  readonly depth: number;
  /** States where no actor had anything left to do; liveness is judged there. */
  readonly terminalStates: number;
  /** True when every reachable state was explored. */
  readonly complete: boolean;
  readonly violations: number;
  readonly counterexample: Counterexample | null;
}

/** How a state was reached; kept apart from the world so explored worlds can be freed. */
interface Trail {
  readonly parent: Trail | null;
  readonly code: string;
}

interface Node<W, O> {
  readonly world: W;
  readonly observed: O;
  readonly trail: Trail | null;
  readonly depth: number;
}

/**
 * Breadth-first search over every interleaving of atomic steps, with state hashing, like
 * SPIN on a small configuration. Breadth-first means the first violation found has the
 * shortest schedule. The model must not let time influence behaviour (the small-scope
 * configurations set every latency to zero), because states are compared without it.
 */
export function exploreExhaustively<W, O>(model: Model<W, O>, options: ExhaustiveOptions<O>): ExhaustiveResult {
  const rng = new Rng(0);
  const safety = options.invariants.filter((i) => i.kind === 'safety');
  const liveness = options.invariants.filter((i) => i.kind === 'liveness');
  const maxStates = options.maxStates ?? 2_000_000;
  const stopAtFirst = options.stopAtFirst ?? true;
  const actors = model.actors;

  const initial = model.init(rng);
  const root: Node<W, O> = { world: initial, observed: model.observe(initial, 0), trail: null, depth: 0 };
  const seen = new Set<string>([model.fingerprint(initial)]);
  let frontier: Node<W, O>[] = [root];
  let transitions = 0;
  let terminalStates = 0;
  let violations = 0;
  let depth = 0;
  let failing: Node<W, O> | null = null;

  const broken = (node: Node<W, O>, invariants: readonly Invariant<O>[], before: O | null): boolean =>
    invariants.some((inv) => inv.check(node.observed, before) !== null);

  if (broken(root, safety, null)) failing = root;
  // Breadth-first when looking for the first (and so shortest) counterexample; depth-first
  // when checking everything, which holds only one path of worlds in memory at a time.
  const breadthFirst = stopAtFirst;
  search: while (frontier.length > 0 && failing === null) {
    const next: Node<W, O>[] = [];
    const batch = breadthFirst ? frontier : [frontier.pop() as Node<W, O>];
    for (const node of batch) {
      let moved = false;
      for (const actor of actors) {
        if (!actor.ready(node.world)) continue;
        moved = true;
        const world = model.clone(node.world);
        actor.step(world, { now: 0, rng });
        transitions++;
        const key = model.fingerprint(world);
        if (seen.has(key)) continue;
        seen.add(key);
        const child: Node<W, O> = { world, observed: model.observe(world, 0), trail: { parent: node.trail, code: actor.code }, depth: node.depth + 1 };
        depth = Math.max(depth, child.depth);
        if (broken(child, safety, node.observed)) {
          violations++;
          if (stopAtFirst) {
            failing = child;
            break search;
          }
          continue;
        }
        next.push(child);
        if (seen.size >= maxStates) break search;
      }
      if (!moved) {
        terminalStates++;
        if (broken(node, liveness, null)) {
          violations++;
          if (stopAtFirst) {
            failing = node;
            break search;
          }
        }
      }
    }
    if (breadthFirst) frontier = next;
    else for (let i = next.length - 1; i >= 0; i--) frontier.push(next[i] as Node<W, O>);
  }

  const complete = frontier.length === 0 && failing === null && seen.size < maxStates;
  let counterexample: Counterexample | null = null;
  if (failing !== null) {
    const choices: string[] = [];
    for (let t = failing.trail; t !== null; t = t.parent) choices.push(t.code);
    choices.reverse();
    counterexample = explainFailure(model, {
      seed: 0,
      scheduler: { kind: 'replay', choices },
      invariants: options.invariants,
      shrink: options.shrink ?? true,
    });
  }
  return { states: seen.size, transitions, depth, terminalStates, complete, violations, counterexample };
}
