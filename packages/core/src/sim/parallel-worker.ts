import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Expander } from './expand.ts';
import { Findings, Frontier } from './level-search.ts';
import { loadSearchable, type FromWorker, type ToWorker, type WorkerSetup } from './parallel-protocol.ts';
import { StepBeacon } from './step-beacon.ts';
import { ROOT, StateStore, StateVector, hashVector } from './state-store.ts';

/** A successor on the wire: length, its hashes, its parent (global reference and hashes), actor, permutation, then the vector. */
const HEADER = 8;

/** One level's successors for their owner, with the dictionary entries the sender added. */
interface Batch {
  readonly entries: readonly string[];
  readonly data: Int32Array;
}

/**
 * One worker of the parallel exhaustive search. It owns the states whose first hash
 * falls to it (hash-partitioned, as in distributed SPIN and Stern & Dill's parallel
 * Murphi): it expands its own states of the current level, keeps the successors it
 * owns, and sends every other successor to its owner in one batch per level. It runs in a
 * thread started from the bundle worker-bundle.ts builds.
 */
export async function runSearchWorker(): Promise<void> {
  const setup = workerData as WorkerSetup;
  const me = setup.index;
  const count = setup.count;
  const stop = new Int32Array(setup.stop);
  const port = parentPort;
  if (port === null) throw new Error('runSearchWorker runs only in a worker thread');
  const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

  const { model, invariants } = await loadSearchable(setup.recipe);
  const beacon = new StepBeacon(setup.beacon, (names) => send({ type: 'step-names', names }));
  const expander = new Expander(model, invariants, setup.symmetric, beacon);
  const store = new StateStore();
  const owner = (h1: number): number => (h1 >>> 0) % count;
  let peers: (MessagePort | null)[] = [];
  let inbox: Batch[] = [];

  let waiting: (() => void) | null = null;
  let levelStart = 0;
  let levelEnd = 0;
  const frontier = new Frontier(store);

  const root = expander.initial();
  const [r1, r2] = hashVector(root.vector.data, root.vector.length);
  if (owner(r1) === me) store.add(root.vector, r1, r2, ROOT, 0, root.perm);
  levelEnd = store.size;

  async function level(): Promise<void> {
    frontier.begin(levelEnd);
    const outboxes = peers.map(() => new StateVector());
    let transitions = 0;
    let interrupted = false;
    const findings = new Findings();
    for (let p = levelStart; p < levelEnd; p++) {
      const ph1 = store.hash1(p);
      const ph2 = store.hash2(p);
      const ref = p * count + me;
      const outcome = expander.expand(
        store.vector(p),
        (vector, h1, h2, actor, perm) => {
          transitions++;
          const to = owner(h1);
          if (to === me) return frontier.offer(vector, h1, h2, ref, ph1, ph2, actor, perm);
          const out = outboxes[to] as StateVector;
          out.push(vector.length);
          out.push(h1);
          out.push(h2);
          out.push(ref);
          out.push(ph1);
          out.push(ph2);
          out.push(actor);
          out.push(perm);
          for (let i = 0; i < vector.length; i++) out.push(vector.data[i] as number);
        },
        (actor, perm) => findings.brokenStep(ref, ph1, ph2, actor, perm),
      );
      findings.expanded(outcome, ref, ph1, ph2);
      const expanded = p - levelStart + 1;
      if (expanded % setup.progressEvery === 0) {
        send({ type: 'progress', worker: me, expanded, states: store.size, transitions });
        if (Atomics.load(stop, 0) !== 0) {
          interrupted = true;
          break;
        }
      }
    }
    const entries = model.codec?.dictionary?.drain() ?? [];
    peers.forEach((peer, to) => {
      if (peer === null) return;
      const out = outboxes[to] as StateVector;
      const data = out.data.slice(0, out.length);
      peer.postMessage({ entries, data } satisfies Batch, [data.buffer]);
    });
    if (inbox.length < count - 1) await new Promise<void>((resolve) => (waiting = resolve));
    for (const batch of inbox) model.codec?.dictionary?.absorb(batch.entries);
    const scratch = new StateVector();
    for (const { data: batch } of inbox) {
      for (let at = 0; at < batch.length; ) {
        const length = batch[at] as number;
        const start = at + HEADER;
        scratch.clear();
        for (let i = 0; i < length; i++) scratch.push(batch[start + i] as number);
        const h = at + 1;
        frontier.offer(scratch, batch[h] as number, batch[h + 1] as number, batch[h + 2] as number, batch[h + 3] as number, batch[h + 4] as number, batch[h + 5] as number, batch[h + 6] as number);
        at = start + length;
      }
    }
    inbox = [];
    const added = store.size - levelEnd;
    levelStart = levelEnd;
    levelEnd = store.size;
    store.retire(levelStart);
    send({ type: 'level-done', worker: me, states: store.size, added, transitions, terminal: findings.terminal, violations: findings.violations, bytes: store.bytes, interrupted, candidate: findings.best });
  }

  function receive(batch: Batch): void {
    inbox.push(batch);
    if (inbox.length === count - 1 && waiting !== null) {
      const resume = waiting;
      waiting = null;
      resume();
    }
  }

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'peers':
        peers = [...message.ports];
        for (const peer of peers) peer?.on('message', receive);
        return;
      case 'level':
        level().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
        return;
      case 'trail': {
        const trail = store.trail(message.index);
        send({ type: 'trail', parent: trail.parent, actor: trail.actor, perm: trail.perm });
        return;
      }
    }
  });
  send({ type: 'ready' });
}
