import type { Rng } from '../sim/rng.ts';
import { CohortQueue } from './cohort-queue.ts';
import type { Ec2Config } from './config.ts';
import { roundRandom } from './round.ts';
import { admitEverything, admittedCount, type QueueState, type Throttle } from './throttle.ts';

/** What launches and Network Manager did during one sample window. */
export interface NetworkCounters {
  launchAttempts: number;
  /** Launches accepted: placed on a leased droplet, their network state queued. */
  launched: number;
  /** Propagations finished: those instances now have connectivity. */
  propagated: number;
  /** Waiting propagations the throttle dropped; their launches failed back to the caller. */
  dropped: number;
  /** Longest wait of a propagation that finished in the window (ms), or -1 if none did. */
  maxLatencyMs: number;
}

/**
 * Launches and Network Manager. Customers keep asking for instances; a launch needs a
 * droplet with a lease (otherwise "insufficient capacity") and, when the operators throttle
 * requests, a request token. Every accepted launch queues a network-state propagation;
 * Network Manager works through the queue at a fixed rate, so propagation latency grows
 * with the backlog, and an instance has connectivity only once its state has propagated.
 *
 * Simplifications: a failed launch is retried by its caller until it succeeds, so demand
 * that could not be met during the outage arrives once droplets are leased again (the
 * brief's "backlog"); a launch is placed on a droplet chosen at random from the fleet; a
 * propagation the throttle drops fails its launch back to the caller, who retries.
 */
export class NetworkManager {
  readonly propagationsPerSecond: number;
  readonly #queue = new CohortQueue();
  readonly #rng: Rng;
  readonly #tickMs: number;
  readonly #launchesPerTick: number;
  readonly #retryShare: number;
  readonly #timeoutMs: number;
  readonly #baseLatencyMs: number;
  #throttle: Throttle = admitEverything;
  #requestsPerSecond = Infinity;
  #requestCredit = 0;
  #credit = 0;
  #pending = 0;
  #counters: NetworkCounters = emptyCounters();

  constructor(config: Ec2Config, rng: Rng) {
    const { fleetSize, tickMs, networkManager: nm, launches } = config;
    this.#rng = rng;
    this.#tickMs = tickMs;
    this.propagationsPerSecond = (fleetSize * nm.propagationsPerDropletHour) / 3600;
    this.#launchesPerTick = (fleetSize * launches.perDropletHour * tickMs) / 3_600_000;
    this.#retryShare = tickMs / launches.retryMs;
    this.#timeoutMs = nm.timeoutMs;
    this.#baseLatencyMs = nm.baseLatencyMs;
  }

  /** Launches callers still want but have not had accepted. */
  get pendingLaunches(): number {
    return this.#pending;
  }

  /** Propagations waiting: the backlog. */
  get backlog(): number {
    return this.#queue.length;
  }

  get throttle(): Throttle {
    return this.#throttle;
  }

  installThrottle(throttle: Throttle): void {
    this.#throttle = throttle;
  }

  /** EC2's request throttle on launches (Infinity: none). */
  limitLaunchRequests(perSecond: number): void {
    this.#requestsPerSecond = perSecond;
    this.#requestCredit = 0;
  }

  takeCounters(): NetworkCounters {
    const counters = this.#counters;
    this.#counters = emptyCounters();
    return counters;
  }

  /**
   * One tick. `leasedShare` is the fraction of droplets holding a lease. `onPropagated`
   * hears, for each finished cohort, when its launches were accepted and how long they waited.
   */
  tick(now: number, leasedShare: number, onPropagated: (launchedAt: number, latencyMs: number) => void): void {
    this.#launch(now, leasedShare);
    this.#propagate(now, onPropagated);
  }

  #launch(now: number, leasedShare: number): void {
    const rng = this.#rng;
    const fresh = roundRandom(this.#launchesPerTick, rng);
    const retrying = Math.min(this.#pending, roundRandom(this.#pending * this.#retryShare, rng));
    this.#pending += fresh;
    const attempts = fresh + retrying;
    let allowed = attempts;
    if (Number.isFinite(this.#requestsPerSecond)) {
      this.#requestCredit += (this.#requestsPerSecond * this.#tickMs) / 1000;
      allowed = Math.min(attempts, Math.floor(this.#requestCredit));
      // Unused tokens do not pile up: a request throttle is a rate, not a savings account.
      this.#requestCredit -= Math.floor(this.#requestCredit);
    }
    const placed = Math.min(allowed, roundRandom(allowed * leasedShare, rng));
    const accepted = placed === 0 ? 0 : admittedCount(this.#throttle, placed, this.#state(now));
    this.#pending -= accepted;
    this.#queue.push(0, accepted, now, now + this.#timeoutMs);
    this.#counters.launchAttempts += attempts;
    this.#counters.launched += accepted;
  }

  #propagate(now: number, onPropagated: (launchedAt: number, latencyMs: number) => void): void {
    this.#credit += (this.propagationsPerSecond * this.#tickMs) / 1000;
    let budget = Math.floor(this.#credit);
    this.#credit -= budget;
    const queue = this.#queue;
    while (!queue.isEmpty) {
      if (this.#throttle.shouldDrop(queue.headDeadline, this.#state(now))) {
        const count = queue.dropHead();
        this.#counters.dropped += count;
        this.#pending += count;
        continue;
      }
      if (budget === 0) break;
      const n = Math.min(budget, queue.headCount);
      const launchedAt = queue.headArrivedAt;
      queue.take(n);
      budget -= n;
      const latency = now - launchedAt + this.#baseLatencyMs;
      this.#counters.propagated += n;
      this.#counters.maxLatencyMs = Math.max(this.#counters.maxLatencyMs, latency);
      onPropagated(launchedAt, latency);
    }
  }

  /** Age of the oldest waiting propagation plus the base latency, or the base latency when none waits. */
  oldestWaitMs(now: number): number {
    return this.#queue.isEmpty ? this.#baseLatencyMs : now - this.#queue.headArrivedAt + this.#baseLatencyMs;
  }

  /** Every propagation still waiting: when its launch was accepted. */
  forEachWaiting(visit: (launchedAt: number) => void): void {
    this.#queue.forEach((_tag, _count, arrivedAt) => visit(arrivedAt));
  }

  #state(now: number): QueueState {
    return { queue: 'network-manager', now, length: this.#queue.length, drainPerSecond: this.propagationsPerSecond, timeoutMs: this.#timeoutMs };
  }
}

function emptyCounters(): NetworkCounters {
  return { launchAttempts: 0, launched: 0, propagated: 0, dropped: 0, maxLatencyMs: -1 };
}
