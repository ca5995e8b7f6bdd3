import { Worker } from 'node:worker_threads';
import type { ExhaustiveOptions, ExhaustiveResult } from './exhaustive.ts';
import { LevelLoop, betterCandidate, counterexampleOf, type Candidate, type PathStep } from './level-search.ts';
import type { ArenaMemory } from './level-arena.ts';
import { loadSearchable, type Chunk, type FromWorker, type ModelRecipe, type ParentOffers, type ToWorker, type WorkerSetup } from './parallel-protocol.ts';
import { SharedVisited } from './shared-visited.ts';
import { ROOT } from './state-store.ts';
import { bundleWorker } from './worker-bundle.ts';
import { beaconMemory, readBeacon } from './step-beacon.ts';

export type { ModelRecipe, Searchable } from './parallel-protocol.ts';

/** The sequential search's options, but the invariants: the recipe names them, for every worker to rebuild. */
export interface ParallelOptions extends Omit<ExhaustiveOptions<unknown>, 'invariants'> {
  /** Worker threads (default 2: the laptops this workshop runs on). */
  readonly workers?: number;
  /** Handed a view of what the workers are doing once they run: to stop a step that never returns. */
  readonly onStart?: (watch: SearchWatch) => void;
}

/** What one worker is doing now. */
export interface WorkerStep {
  /** Steps it has entered so far: unchanged between two readings, it made no progress. */
  readonly steps: number;
  /** Whether it is inside a step now. */
  readonly inStep: boolean;
  /** The actor stepping (e.g. `enactor-az1`) and the code it runs (e.g. `checkFreshness`). */
  readonly actor: string;
  readonly step: string;
}

/** The search seen from outside while it runs. */
export interface SearchWatch {
  workers(): readonly WorkerStep[];
  /** Stops every worker; the search rejects with `reason`. */
  abort(reason: Error): void;
}

type LevelDone = Extract<FromWorker, { type: 'level-done' }>;

/**
 * The exhaustive search of `exploreExhaustively`, over worker threads sharing one visited
 * set (shared-visited.ts). The levels are searched one at a time: each level's states, in
 * the order they were found, are cut into one contiguous run per worker, so a worker meets
 * a state's siblings together, as the sequential search does. The result is the
 * sequential one: the same states, the same levels, and (because parents and
 * counterexamples are chosen by hash, never by arrival order) the same shortest
 * counterexample.
 */
export async function exploreInParallel<W, O>(recipe: ModelRecipe, options: ParallelOptions = {}): Promise<ExhaustiveResult> {
  const { model, invariants } = await loadSearchable<W, O>(recipe);
  const count = Math.max(1, options.workers ?? 2);
  const stop = new SharedArrayBuffer(4);
  let visited = SharedVisited.create(1 << 12);
  const beacons = Array.from({ length: count }, () => beaconMemory());
  const stepNames: (readonly string[])[] = beacons.map(() => []);
  const setup = (index: number): WorkerSetup => ({
    beacon: beacons[index] as SharedArrayBuffer,
    recipe,
    index,
    count,
    symmetric: options.symmetry ?? true,
    stop,
    progressEvery: options.progressEvery ?? 16_384,
    visited: visited.memory,
  });
  const bundle = await bundleWorker({ module: new URL('./parallel-worker.ts', import.meta.url).href, export: 'runSearchWorker', carry: [recipe.module, ...(recipe.imports ?? [])] });
  const workers = Array.from({ length: count }, (_, i) => new Worker(bundle.url, { workerData: setup(i) }));
  const inbox = workers.map(() => [] as FromWorker[]);
  const waiters: ((() => void) | null)[] = workers.map(() => null);
  let failure: Error | null = null;
  const progress = workers.map(() => ({ states: 0, transitions: 0 }));
  let depth = 0;
  let transitions = 0;
  workers.forEach((worker, i) => {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') {
        progress[i] = { states: message.states, transitions: message.transitions };
        const states = progress.reduce((n, p) => n + p.states, 0);
        options.onProgress?.({ states, depth, transitions: transitions + progress.reduce((n, p) => n + p.transitions, 0), bytes: 0 });
        if (options.shouldStop?.() === true) Atomics.store(new Int32Array(stop), 0, 1);
        return;
      }
      if (message.type === 'step-names') {
        stepNames[i] = message.names;
        return;
      }
      if (message.type === 'error') failure = new Error(`parallel search worker ${i}: ${message.message}`);
      (inbox[i] as FromWorker[]).push(message);
      waiters[i]?.();
    });
    worker.on('error', (error) => {
      failure = error;
      waiters[i]?.();
    });
  });
  const next = async (i: number): Promise<FromWorker> => {
    const box = inbox[i] as FromWorker[];
    while (box.length === 0) {
      if (failure !== null) throw failure;
      await new Promise<void>((resolve) => (waiters[i] = resolve));
      waiters[i] = null;
    }
    if (failure !== null) throw failure;
    return box.shift() as FromWorker;
  };
  const post = (i: number, message: ToWorker): void => (workers[i] as Worker).postMessage(message);

  options.onStart?.({
    workers: () =>
      beacons.map((memory, i) => {
        const reading = readBeacon(memory);
        return { steps: reading.steps, inStep: reading.inStep, actor: model.actors[reading.actor]?.id ?? '?', step: stepNames[i]?.[reading.name] ?? 'step' };
      }),
    abort(reason) {
      failure = reason;
      for (const wake of waiters) wake?.();
    },
  });
  try {
    const ready = (await Promise.all(workers.map((_, i) => next(i)))) as Extract<FromWorker, { type: 'ready' }>[];
    bundle.dispose();
    let arenas: ArenaMemory[] = ready.map((r) => r.arena);
    let bases = arenas.map((a) => a.count);
    let levelBases = arenas.map(() => 0);
    let entries: (readonly string[])[] = ready.map((r) => r.entries);
    let offers: ParentOffers[] = workers.map(() => new Int32Array(0));

    const loop = new LevelLoop(options);
    let states = 1;
    let terminalStates = 0;
    let violations = 0;
    let bytes = 0;
    for (let searching = true; searching; ) {
      const grown = visited.grown(states, arenas.reduce((n, a) => n + a.count, 0) * model.actors.length);
      const handOver = grown === visited ? null : grown.memory;
      visited = grown;
      const chunks = cut(arenas, levelBases, count);
      workers.forEach((_, i) =>
        post(i, {
          type: 'level',
          visited: handOver,
          arenas,
          chunks: chunks[i] as Chunk[],
          bases,
          entries: entries.flatMap((list, j) => (j === i ? [] : list)),
          offers: offers[i] as ParentOffers,
        }),
      );
      const done = (await Promise.all(workers.map((_, i) => next(i)))) as LevelDone[];
      let best: Candidate | null = null;
      let added = 0;
      states = 0;
      bytes = visited.bytes;
      // A worker's states are all it holds, not the level's: keep each one's count, so the
      // progress line does not drop to one worker's share while the other has not reported.
      for (const [i, d] of done.entries()) {
        progress[i] = { states: d.states, transitions: 0 };
        states += d.states;
        added += d.added;
        transitions += d.transitions;
        terminalStates += d.terminal;
        violations += d.violations;
        bytes += d.bytes;
        if (d.candidate !== null && betterCandidate(best, d.candidate)) best = d.candidate;
      }
      levelBases = bases;
      bases = done.map((d) => d.states);
      arenas = done.map((d) => d.arena);
      entries = done.map((d) => d.entries);
      // Taken by their owners at the start of the next level. The last level's are never
      // needed: a counterexample's path runs only through states that were expanded.
      offers = workers.map((_, owner) => concat(done.map((d) => d.offers[owner] ?? new Int32Array(0))));
      searching = loop.next({ added, states, best, interrupted: done.some((d) => d.interrupted) });
      depth = loop.depth;
      if (loop.stoppedBy !== 'interrupted') options.onProgress?.({ states, depth, transitions, bytes });
      if (searching && options.shouldStop?.() === true) {
        loop.interrupt();
        searching = false;
      }
    }

    let found: ReturnType<typeof counterexampleOf> | null = null;
    const first = loop.first;
    if (first !== null) {
      const path: PathStep[] = [];
      if (first.actor >= 0) path.push({ actor: first.actor, perm: first.perm });
      let rootPerm = 0;
      for (let ref = first.parent; ; ) {
        post(ref % count, { type: 'trail', index: Math.floor(ref / count) });
        const trail = (await next(ref % count)) as Extract<FromWorker, { type: 'trail' }>;
        if (trail.parent === ROOT) {
          rootPerm = trail.perm;
          break;
        }
        path.push({ actor: trail.actor, perm: trail.perm });
        ref = trail.parent;
      }
      path.reverse();
      found = counterexampleOf(model, invariants, options.shrink ?? true, path, rootPerm);
    }
    const stoppedBy = loop.stoppedBy;
    const counterexample = found?.counterexample ?? null;
    const counterexampleLength = found?.length ?? null;
    return { states, transitions, depth, terminalStates, complete: stoppedBy === 'complete', stoppedBy, violations, bytes, counterexampleLength, counterexample };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    bundle.dispose();
  }
}

/**
 * The last level's states, taken in order across the workers' arenas, cut into one
 * contiguous run per worker (a run may span two arenas).
 */
function cut(arenas: readonly ArenaMemory[], bases: readonly number[], workers: number): Chunk[][] {
  const total = arenas.reduce((n, a) => n + a.count, 0);
  const chunks: Chunk[][] = Array.from({ length: workers }, () => []);
  let worker = 0;
  let from = 0;
  for (let k = 0; k < workers; k++) {
    let left = Math.floor(((k + 1) * total) / workers) - Math.floor((k * total) / workers);
    while (left > 0) {
      const arena = arenas[worker] as ArenaMemory;
      const take = Math.min(left, arena.count - from);
      if (take > 0) (chunks[k] as Chunk[]).push({ worker, from, to: from + take, base: bases[worker] as number });
      left -= take;
      from += take;
      if (from === arena.count) {
        worker++;
        from = 0;
      }
    }
  }
  return chunks;
}

function concat(lists: readonly Int32Array[]): Int32Array {
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  return all;
}
