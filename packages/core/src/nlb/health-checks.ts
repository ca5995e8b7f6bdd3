import type { Rng } from '../sim/rng.ts';
import { NLB_TICK_MS, type HealthCheckConfig } from './config.ts';
import type { TargetFleet } from './targets.ts';

/**
 * The health-check subsystem: each AZ's share of the checker fleet can run
 * `checkersPerAz` checks at once, and a check waits for a free checker. So a check's
 * latency grows with the number of checks in flight, and one that has not been answered
 * within the timeout counts as a failure.
 *
 * Why flapping loads it: a check of an instance whose network state has not propagated
 * gets no answer at all, so it holds a checker for the whole timeout, where an answered
 * check holds it for `answeredCheckMs`: with the scenarios' figures one unanswered check
 * costs as much as 200 answered ones, so a few dozen new instances outweigh the fleet.
 * AWS's summary says the alternating results loaded the subsystem and delayed checks;
 * it does not say how, and this is the simplest way that follows from how a TCP check
 * works.
 *
 * Simplifications: work is kept as a fluid backlog of checker-milliseconds per AZ
 * (FIFO), all checks due in one one-second tick start at the tick, and a result counts
 * at once rather than when the check ends (at most one timeout later). A check that
 * would wait past its deadline is abandoned without using a checker; one that gets a
 * checker and no answer holds it for a whole timeout.
 */
export class HealthChecker {
  readonly #backlogMs: Float64Array;
  readonly #recheck: Uint8Array;
  readonly #intervalTicks: number;
  #latencySumMs = 0;
  #checks = 0;
  #timeouts = 0;

  constructor(
    readonly fleet: TargetFleet,
    readonly config: HealthCheckConfig,
    /** Chance that one check of a live, still-propagating instance gets an answer. */
    readonly unpropagatedAnswerChance: number,
    readonly rng: Rng,
  ) {
    this.#backlogMs = new Float64Array(fleet.azCount);
    this.#recheck = new Uint8Array(fleet.azCount);
    this.#intervalTicks = config.intervalMs / NLB_TICK_MS;
  }

  /** How long a check started now in this AZ would wait for a checker. */
  waitMs(az: number): number {
    return (this.#backlogMs[az] as number) / this.config.checkersPerAz;
  }

  /** Asks for every target of the AZ to be checked again at the next tick. */
  recheckAz(az: number): void {
    this.#recheck[az] = 1;
  }

  /** One second of checking: the due periodic checks, then any requested re-checks. */
  tick(tickIndex: number): void {
    const { fleet, config } = this;
    const drained = config.checkersPerAz * NLB_TICK_MS;
    const phase = tickIndex % this.#intervalTicks;
    for (let az = 0; az < fleet.azCount; az++) {
      this.#backlogMs[az] = Math.max(0, (this.#backlogMs[az] as number) - drained);
      const first = az * fleet.perAz;
      // Targets are spread evenly over the interval so the steady load is flat.
      this.#checkEvery(az, first + phase, first + fleet.perAz, this.#intervalTicks);
      if (this.#recheck[az] === 1) {
        this.#recheck[az] = 0;
        this.#checkEvery(az, first, first + fleet.perAz, 1);
      }
    }
  }

  /** Mean latency, checks and timeouts since the last call; resets the counters. */
  takeStats(): { readonly meanLatencyMs: number; readonly checks: number; readonly timeouts: number } {
    const stats = {
      meanLatencyMs: this.#checks > 0 ? this.#latencySumMs / this.#checks : 0,
      checks: this.#checks,
      timeouts: this.#timeouts,
    };
    this.#latencySumMs = 0;
    this.#checks = 0;
    this.#timeouts = 0;
    return stats;
  }

  /**
   * Checks slots `from`, `from + stride`, … below `to`, all in one AZ, in that order. The
   * AZ's backlog and the counters are kept in locals over the run of checks: this loop is
   * most of what a night of the Region's load balancers costs.
   */
  #checkEvery(az: number, from: number, to: number, stride: number): void {
    const { fleet, config } = this;
    const { timeoutMs: timeout, answeredCheckMs: answered, checkersPerAz: checkers, healthyThreshold, unhealthyThreshold } = config;
    let backlog = this.#backlogMs[az] as number;
    let latencySum = this.#latencySumMs;
    let checks = this.#checks;
    let timeouts = this.#timeouts;
    for (let slot = from; slot < to; slot += stride) {
      const wait = backlog / checkers;
      checks++;
      let passed = false;
      if (wait + answered > timeout) {
        timeouts++;
        latencySum += timeout;
      } else if (this.#answers(slot)) {
        backlog += answered;
        latencySum += wait + answered;
        passed = true;
      } else {
        // No answer: the checker's connection attempt runs its full timeout, however long
        // the check waited for a checker (the attempt knows nothing of the queue).
        backlog += timeout;
        timeouts++;
        latencySum += timeout;
      }
      fleet.record(slot, passed, healthyThreshold, unhealthyThreshold);
    }
    this.#backlogMs[az] = backlog;
    this.#latencySumMs = latencySum;
    this.#checks = checks;
    this.#timeouts = timeouts;
  }

  /**
   * A live instance whose network state is still propagating answers some checks and
   * not others (the path from some checkers is programmed, from others not yet): that is
   * the flapping. Dead instances never answer.
   */
  #answers(slot: number): boolean {
    const fleet = this.fleet;
    if (fleet.isReachable(slot)) return true;
    if (fleet.isDead(slot)) return false;
    return this.rng.chance(this.unpropagatedAnswerChance);
  }
}
