import { EventQueue } from './event-queue.ts';
import { Rng } from './rng.ts';

/** Something that happens at a virtual instant. It may schedule more events. */
export type EventHandler = (kernel: Kernel) => void;

/**
 * The discrete-event core: a virtual clock in milliseconds, one event queue and one seeded
 * PRNG. Models that are mostly queues and timers (NLB health checks, DWFM leases) run
 * directly on it; the DNS model's actors are driven by `runModel`, which uses the same
 * queue for the time-ordered scheduler.
 */
export class Kernel {
  readonly rng: Rng;
  readonly #queue = new EventQueue<EventHandler>();
  #now = 0;
  #processed = 0;

  constructor(seed: number, startMs = 0) {
    this.rng = new Rng(seed);
    this.#now = startMs;
  }

  get now(): number {
    return this.#now;
  }

  /** Events handled so far. */
  get processed(): number {
    return this.#processed;
  }

  get pending(): number {
    return this.#queue.size;
  }

  /** Schedules `handler` at absolute time `at` (never in the past). */
  at(at: number, handler: EventHandler): void {
    if (!(at >= this.#now)) {
      throw new RangeError(`Kernel.at: time ${at} is before now (${this.#now}) or not a number`);
    }
    this.#queue.push(at, handler);
  }

  /** Schedules `handler` `delayMs` from now. */
  after(delayMs: number, handler: EventHandler): void {
    this.at(this.#now + delayMs, handler);
  }

  /** Runs events in time order up to and including `untilMs`; the clock ends at `untilMs`. */
  runUntil(untilMs: number): void {
    const queue = this.#queue;
    while (queue.peekTime() <= untilMs) {
      this.#now = queue.peekTime();
      const handler = queue.pop();
      if (handler === undefined) break;
      this.#processed++;
      handler(this);
    }
    if (untilMs > this.#now && Number.isFinite(untilMs)) this.#now = untilMs;
  }
}
