import type { Rng } from '../sim/rng.ts';
import { CohortQueue } from './cohort-queue.ts';
import type { Ec2Config } from './config.ts';
import { LeaseBook } from './lease-book.ts';
import { RetryRing } from './retry-ring.ts';
import { admitEverything, admittedCount, type QueueState, type Throttle } from './throttle.ts';

/** What DWFM did during one sample window. */
export interface DwfmCounters {
  leasesLost: number;
  /** Lease attempts a host finished, in time or not: throughput. */
  attempted: number;
  /** Lease attempts finished before their timeout: goodput. */
  established: number;
  /** Attempts finished too late (or while DynamoDB was unreachable), then queued again. */
  wasted: number;
  /** Waiting attempts the throttle dropped before a host spent anything on them. */
  dropped: number;
  /** Lease requests the throttle turned away at the door. */
  rejected: number;
}

/**
 * DropletWorkflow Manager: keeps a lease on every droplet. A lease is renewed by the
 * droplet's periodic state check, which needs DynamoDB. A droplet that loses its lease asks
 * DWFM to re-establish it; that work waits in one queue served by DWFM's hosts at a fixed
 * rate, so an attempt's latency grows with the work ahead of it. An attempt that finishes
 * after its timeout is wasted and queued again, as AWS described.
 *
 * Simplifications: the hosts are pooled into one queue and one rate; routine renewals of
 * leases that are still valid cost DWFM nothing; a droplet turned away asks again at its
 * next state check.
 */
export class Dwfm {
  readonly capacityPerSecond: number;
  readonly #book: LeaseBook;
  readonly #queue = new CohortQueue();
  readonly #retries: RetryRing;
  readonly #rng: Rng;
  readonly #timeoutMs: number;
  readonly #serviceMs: number;
  readonly #tickMs: number;
  readonly #arriving: Float64Array;
  #throttle: Throttle = admitEverything;
  #credit = 0;
  #rotate = 0;
  #counters: DwfmCounters = emptyCounters();

  constructor(config: Ec2Config, rng: Rng, startTick: number) {
    const { lease, dwfm, fleetSize, tickMs } = config;
    const classes = Math.min(lease.ttlClasses, fleetSize);
    const ttlTicks = Array.from({ length: classes }, (_, k) => {
      const ttl = classes === 1 ? lease.ttlMaxMs : lease.ttlMinMs + ((lease.ttlMaxMs - lease.ttlMinMs) * k) / (classes - 1);
      return Math.round(ttl / tickMs);
    });
    const checkTicks = Math.round(lease.checkIntervalMs / tickMs);
    this.#book = new LeaseBook(ttlTicks, checkTicks);
    this.#retries = new RetryRing(classes, checkTicks);
    this.#arriving = new Float64Array(classes);
    this.#rng = rng;
    this.#tickMs = tickMs;
    this.#timeoutMs = dwfm.attemptTimeoutMs;
    this.#serviceMs = dwfm.serviceMs;
    this.capacityPerSecond = (fleetSize * dwfm.leasesPerDropletHour) / 3600;
    const per = Math.floor(fleetSize / classes);
    for (let k = 0; k < classes; k++) this.#book.seed(k, per + (k < fleetSize - per * classes ? 1 : 0), startTick, rng);
  }

  get leased(): number {
    return this.#book.leased;
  }

  /** Lease attempts waiting for a host. */
  get queueLength(): number {
    return this.#queue.length;
  }

  /** Droplets without a lease that were turned away or dropped and will ask again. */
  get backingOff(): number {
    return this.#retries.waiting;
  }

  get throttle(): Throttle {
    return this.#throttle;
  }

  installThrottle(throttle: Throttle): void {
    this.#throttle = throttle;
  }

  /** Operators restart hosts: the waiting work they held is lost and its droplets ask again. */
  restartHosts(fraction: number, tick: number): void {
    this.#queue.discard(fraction, this.#rng, (cls, count) => this.#retries.add(cls, count, tick, this.#rng));
  }

  /** Returns this window's counters and starts the next window. */
  takeCounters(): DwfmCounters {
    const counters = this.#counters;
    this.#counters = emptyCounters();
    return counters;
  }

  /** One tick: state checks, expiring leases, returning droplets, then the hosts' work. */
  tick(now: number, tick: number, dynamoAvailable: boolean): void {
    if (dynamoAvailable) this.#book.renew(tick);
    this.#book.expire(tick, (cls, count) => {
      this.#counters.leasesLost += count;
      this.#arrive(cls, count);
    });
    this.#retries.due(tick, (cls, count) => this.#arrive(cls, count));
    this.#serve(now, tick, dynamoAvailable);
    this.#offer(now, tick);
  }

  #arrive(cls: number, count: number): void {
    this.#arriving[cls] = (this.#arriving[cls] as number) + count;
  }

  /** Requests go to the throttle class by class, starting with a different class each tick, so no class always comes last. */
  #offer(now: number, tick: number): void {
    const classes = this.#arriving.length;
    this.#rotate = (this.#rotate + 1) % classes;
    for (let i = 0; i < classes; i++) {
      const cls = (this.#rotate + i) % classes;
      const count = this.#arriving[cls] as number;
      if (count === 0) continue;
      this.#arriving[cls] = 0;
      const admitted = admittedCount(this.#throttle, count, this.#state(now));
      this.#queue.push(cls, admitted, now, now + this.#timeoutMs);
      this.#counters.rejected += count - admitted;
      this.#retries.add(cls, count - admitted, tick, this.#rng);
    }
  }

  #serve(now: number, tick: number, dynamoAvailable: boolean): void {
    this.#credit += (this.capacityPerSecond * this.#tickMs) / 1000;
    let budget = Math.floor(this.#credit);
    this.#credit -= budget;
    const queue = this.#queue;
    while (!queue.isEmpty) {
      const cls = queue.headTag;
      const deadline = queue.headDeadline;
      if (this.#throttle.shouldDrop(deadline, this.#state(now))) {
        const count = queue.dropHead();
        this.#counters.dropped += count;
        this.#retries.add(cls, count, tick, this.#rng);
        continue;
      }
      if (budget === 0) break;
      const n = Math.min(budget, queue.headCount);
      queue.take(n);
      budget -= n;
      this.#counters.attempted += n;
      if (dynamoAvailable && now + this.#serviceMs <= deadline) {
        this.#counters.established += n;
        this.#book.grant(cls, n, tick);
      } else {
        // Too late: the droplet's request timed out while it waited, so the work is
        // wasted and the request is queued again (through the throttle, like new work).
        this.#counters.wasted += n;
        this.#arrive(cls, n);
      }
    }
  }

  #state(now: number): QueueState {
    return { queue: 'dwfm', now, length: this.#queue.length, drainPerSecond: this.capacityPerSecond, timeoutMs: this.#timeoutMs };
  }
}

function emptyCounters(): DwfmCounters {
  return { leasesLost: 0, attempted: 0, established: 0, wasted: 0, dropped: 0, rejected: 0 };
}
