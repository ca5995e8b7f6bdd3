import { Kernel, type EventHandler } from '../src/sim/kernel.ts';
import { median, round, timeMs } from './stats.ts';

/** Events handled per repetition, and how many are pending at once (about NLB's 3 AZs × 1,000 targets). */
const EVENTS = 400_000;
const LIVE = 3_000;
const REPETITIONS = 15;
const SEED = 20251019;

/** A fixed LCG (Numerical Recipes constants) so both loops draw the very same delays. */
function lcg(x: number): number {
  return (Math.imul(x, 1664525) + 1013904223) >>> 0;
}

/** Delay of 1–1,000 ms from the LCG's high bits. */
function delayOf(x: number): number {
  return 1 + ((x >>> 16) % 1000);
}

/**
 * The workload: LIVE events start at once; every event handled schedules one follow-up
 * a pseudo-random delay later until EVENTS have been handled. Returns an order-sensitive
 * checksum of the event times, so the two loops can be shown to have done the same work
 * in the same order.
 */
function kernelLoop(): number {
  const kernel = new Kernel(1);
  let x = SEED;
  let toSchedule = EVENTS - LIVE;
  let checksum = 0;
  const handler: EventHandler = (k) => {
    checksum = (Math.imul(checksum, 31) + k.now) | 0;
    if (toSchedule <= 0) return;
    toSchedule--;
    x = lcg(x);
    k.after(delayOf(x), handler);
  };
  for (let i = 0; i < LIVE; i++) {
    x = lcg(x);
    kernel.at(delayOf(x), handler);
  }
  kernel.runUntil(Infinity);
  if (kernel.processed !== EVENTS) throw new Error(`kernel bench: handled ${kernel.processed} events, expected ${EVENTS}`);
  return checksum;
}

/** The simplest fast heap: parallel typed arrays of (time, sequence number), no payloads. */
interface BareHeap {
  readonly times: Float64Array;
  readonly seqs: Float64Array;
  size: number;
  nextSeq: number;
}

function heapPush(heap: BareHeap, time: number): void {
  const { times, seqs } = heap;
  const seq = heap.nextSeq++;
  let i = heap.size++;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pt = times[parent] as number;
    if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
    times[i] = pt;
    seqs[i] = seqs[parent] as number;
    i = parent;
  }
  times[i] = time;
  seqs[i] = seq;
}

function heapPop(heap: BareHeap): number {
  const { times, seqs } = heap;
  const top = times[0] as number;
  const size = --heap.size;
  const time = times[size] as number;
  const seq = seqs[size] as number;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size && ((times[right] as number) < (times[child] as number) || (times[right] === times[child] && (seqs[right] as number) < (seqs[child] as number)))) {
      child = right;
    }
    const ct = times[child] as number;
    if (ct > time || (ct === time && (seqs[child] as number) > seq)) break;
    times[i] = ct;
    seqs[i] = seqs[child] as number;
    i = child;
  }
  times[i] = time;
  seqs[i] = seq;
  return top;
}

/**
 * The same pushes and pops on the bare heap, ties broken by insertion order like the
 * kernel's queue, with the handler's work written inline: no clock object, no payloads,
 * no handler calls. The ratio is what those cost the kernel.
 */
function bareHeapLoop(): number {
  const heap: BareHeap = { times: new Float64Array(LIVE + 1), seqs: new Float64Array(LIVE + 1), size: 0, nextSeq: 0 };
  let x = SEED;
  let toSchedule = EVENTS - LIVE;
  let checksum = 0;
  let handled = 0;
  for (let i = 0; i < LIVE; i++) {
    x = lcg(x);
    heapPush(heap, delayOf(x));
  }
  while (heap.size > 0) {
    const now = heapPop(heap);
    handled++;
    checksum = (Math.imul(checksum, 31) + now) | 0;
    if (toSchedule <= 0) continue;
    toSchedule--;
    x = lcg(x);
    heapPush(heap, now + delayOf(x));
  }
  if (handled !== EVENTS) throw new Error(`kernel bench: the bare heap handled ${handled} events, expected ${EVENTS}`);
  return checksum;
}

/**
 * Events per second through `Kernel` (at/after/runUntil over its EventQueue), and its
 * ratio to a bare binary heap doing the same pushes and pops. The two loops alternate,
 * one warm-up each, and the ratio is the median of the per-pair ratios, so a neighbour
 * taking the CPU for a while skews both sides of a pair alike.
 */
export async function benchKernel(): Promise<Record<string, number>> {
  const expected = kernelLoop();
  if (bareHeapLoop() !== expected) throw new Error('kernel bench: the kernel and the bare heap handled events in different orders');
  const kernelMs: number[] = [];
  const bareMs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < REPETITIONS; r++) {
    const k = timeMs(kernelLoop);
    const b = timeMs(bareHeapLoop);
    kernelMs.push(k);
    bareMs.push(b);
    ratios.push(b / k);
  }
  return {
    'kernel.eventsPerSec': round(EVENTS / (median(kernelMs) / 1000)),
    'kernel.bareHeapEventsPerSec': round(EVENTS / (median(bareMs) / 1000)),
    'kernel.ratioToBareHeap': round(median(ratios), 2),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchKernel());
}
