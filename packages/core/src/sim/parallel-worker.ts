import { parentPort, workerData } from 'node:worker_threads';
import { Expander, compareKeys } from './expand.ts';
import { Findings } from './level-search.ts';
import { LevelArena } from './level-arena.ts';
import { loadSearchable, type FromWorker, type ParentOffers, type ToWorker, type WorkerSetup } from './parallel-protocol.ts';
import { SharedVisited } from './shared-visited.ts';
import { StepBeacon } from './step-beacon.ts';
import { ROOT, hashVector } from './state-store.ts';

/** Six ints per parent offer: local index, parent reference, parent's hashes, actor, permutation. */
const OFFER = 6;

/**
 * One worker of the parallel exhaustive search. Each level, it expands the runs of the
 * last level's states it is handed (chunks of the workers' arenas, in the order they were
 * found: a state's siblings stay together), inserts their successors in the shared
 * visited set, and keeps the ones it was first to insert: their vectors in its arena for
 * the next level, their trails here. A successor another worker added in the same level
 * may have a parent that sorts first from here: that offer goes to its owner, so that the
 * path to every state, and so the counterexample, is the sequential search's. It runs in
 * a thread started from the bundle worker-bundle.ts builds.
 */
export async function runSearchWorker(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const me = setup.index;
  const count = setup.count;
  const stop = new Int32Array(setup.stop);
  const port = parentPort;
  if (port === null) throw new Error('runSearchWorker runs only in a worker thread');
  const send = (message: FromWorker): void => port.postMessage(message);

  const { model, invariants } = await loadSearchable(setup.recipe);
  const beacon = new StepBeacon(setup.beacon, (names) => send({ type: 'step-names', names }));
  const expander = new Expander(model, invariants, setup.symmetric, beacon);
  let visited = new SharedVisited(setup.visited);
  const trails = new Trails();
  /** Where this worker's states of the current level begin, and their parents' hashes. */
  let base = 0;
  let parentH1: number[] = [];
  let parentH2: number[] = [];

  const arenas = [new LevelArena(), new LevelArena()];
  let arena = arenas[0] as LevelArena;
  let levels = 0;
  if (me === 0) {
    const root = expander.initial();
    const [r1, r2] = hashVector(root.vector.data, root.vector.length);
    visited.insert(r1, r2, 0);
    arena.add(root.vector, r1, r2);
    trails.add(ROOT, 0, root.perm);
  }

  /** A parent for this worker's state `i` of the current level: kept if it sorts before the one it has. */
  function offer(i: number, parent: number, ph1: number, ph2: number, actor: number, perm: number): void {
    const k = i - base;
    if (compareKeys(ph2, ph1, actor, parentH2[k] as number, parentH1[k] as number, trails.actor(i)) >= 0) return;
    trails.set(i, parent, actor, perm);
    parentH1[k] = ph1;
    parentH2[k] = ph2;
  }

  /** Takes the offers other workers made for this worker's states of the last level. */
  function settle(offers: ParentOffers): void {
    for (let at = 0; at < offers.length; at += OFFER) {
      offer(offers[at] as number, offers[at + 1] as number, offers[at + 2] as number, offers[at + 3] as number, offers[at + 4] as number, offers[at + 5] as number);
    }
  }

  function level(message: Extract<ToWorker, { type: 'level' }>): void {
    settle(message.offers);
    model.codec?.dictionary?.absorb(message.entries);
    if (message.visited !== null) visited = new SharedVisited(message.visited);
    const bases = message.bases;
    const sources = message.arenas.map((memory) => new LevelArena(memory));
    base = trails.size;
    parentH1 = [];
    parentH2 = [];
    arena = arenas[++levels % 2] as LevelArena;
    arena.reset();
    const offers: number[][] = Array.from({ length: count }, () => []);
    const findings = new Findings();
    let transitions = 0;
    let expanded = 0;
    let interrupted = false;
    for (const chunk of message.chunks) {
      const source = sources[chunk.worker] as LevelArena;
      for (let j = chunk.from; j < chunk.to && !interrupted; j++) {
        const ph1 = source.hash1(j);
        const ph2 = source.hash2(j);
        const ref = (chunk.base + j) * count + chunk.worker;
        const outcome = expander.expand(
          source.vector(j),
          (vector, h1, h2, actor, perm) => {
            transitions++;
            const found = visited.insert(h1, h2, trails.size * count + me);
            if (found < 0) {
              arena.add(vector, h1, h2);
              trails.add(ref, actor, perm);
              parentH1.push(ph1);
              parentH2.push(ph2);
              return;
            }
            const owner = found % count;
            const i = (found - owner) / count;
            if (i < (bases[owner] as number)) return;
            if (owner === me) offer(i, ref, ph1, ph2, actor, perm);
            else (offers[owner] as number[]).push(i, ref, ph1, ph2, actor, perm);
          },
          (actor, perm) => findings.brokenStep(ref, ph1, ph2, actor, perm),
        );
        findings.expanded(outcome, ref, ph1, ph2);
        if (++expanded % setup.progressEvery === 0) {
          send({ type: 'progress', worker: me, expanded, states: trails.size, transitions });
          interrupted = Atomics.load(stop, 0) !== 0;
        }
      }
    }
    send({
      type: 'level-done',
      worker: me,
      states: trails.size,
      added: trails.size - base,
      transitions,
      terminal: findings.terminal,
      violations: findings.violations,
      bytes: trails.bytes + (arenas[0] as LevelArena).bytes + (arenas[1] as LevelArena).bytes,
      interrupted,
      candidate: findings.best,
      arena: arena.memory,
      entries: model.codec?.dictionary?.drain() ?? [],
      offers: offers.map((list) => Int32Array.from(list)),
    });
  }

  port.on('message', (message: ToWorker) => {
    try {
      switch (message.type) {
        case 'level':
          return level(message);
        case 'trail': {
          const index = message.index;
          return send({ type: 'trail', parent: trails.parent(index), actor: trails.actor(index), perm: trails.perm(index) });
        }
      }
    } catch (error: unknown) {
      send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  send({ type: 'ready', arena: arena.memory, entries: model.codec?.dictionary?.drain() ?? [] });
}

/** How each of this worker's states was first reached, by local index: parent reference, actor, permutation. */
class Trails {
  #parent = new Int32Array(1 << 12);
  /** actor index (low 8 bits) and permutation index (the rest). */
  #step = new Int32Array(1 << 12);
  size = 0;

  get bytes(): number {
    return this.size * 8;
  }

  add(parent: number, actor: number, perm: number): void {
    if (this.size === this.#parent.length) {
      const parents = new Int32Array(this.size * 2);
      parents.set(this.#parent);
      this.#parent = parents;
      const steps = new Int32Array(this.size * 2);
      steps.set(this.#step);
      this.#step = steps;
    }
    this.set(this.size++, parent, actor, perm);
  }

  set(i: number, parent: number, actor: number, perm: number): void {
    this.#parent[i] = parent;
    this.#step[i] = actor | (perm << 8);
  }

  parent(i: number): number {
    return this.#parent[i] as number;
  }

  actor(i: number): number {
    return (this.#step[i] as number) & 0xff;
  }

  perm(i: number): number {
    return (this.#step[i] as number) >>> 8;
  }
}
