const HEALTHY = 1;
const DEAD = 2;
const PROPAGATED = 4;

/**
 * Every registered target of one NLB, in typed arrays so that 3 AZs × 1,000 targets can
 * be checked every 30 s for nine simulated hours in well under a second. Slot
 * `az * perAz + k` is the k-th target of an AZ; a launch replaces the instance in a slot
 * (the fleet behind the NLB keeps its size), and a generation number per slot lets a
 * late event about the previous instance be ignored.
 *
 * Per-AZ counters are kept up to date on every change so that failover and the client
 * error model never scan the fleet.
 */
export class TargetFleet {
  readonly size: number;
  readonly #flags: Uint8Array;
  readonly #passStreak: Uint8Array;
  readonly #failStreak: Uint8Array;
  readonly #generation: Uint32Array;
  /** Targets in service (passing health checks), per AZ. */
  readonly healthy: Int32Array;
  /** Targets in service that can actually accept a connection, per AZ. */
  readonly healthyReachable: Int32Array;
  /** Targets that can accept a connection (alive, network state propagated), per AZ. */
  readonly reachable: Int32Array;
  /** Targets whose network state has not propagated yet, per AZ. */
  readonly unpropagated: Int32Array;
  /** Live targets whose network state is still propagating (they answer now and then), per AZ. */
  readonly propagating: Int32Array;
  /** Of those, the ones in service, per AZ. */
  readonly healthyPropagating: Int32Array;

  constructor(
    readonly azCount: number,
    readonly perAz: number,
  ) {
    this.size = azCount * perAz;
    // A scenario starts in steady state: every target established and in service.
    this.#flags = new Uint8Array(this.size).fill(HEALTHY | PROPAGATED);
    this.#passStreak = new Uint8Array(this.size);
    this.#failStreak = new Uint8Array(this.size);
    this.#generation = new Uint32Array(this.size);
    this.healthy = new Int32Array(azCount).fill(perAz);
    this.healthyReachable = new Int32Array(azCount).fill(perAz);
    this.reachable = new Int32Array(azCount).fill(perAz);
    this.unpropagated = new Int32Array(azCount);
    this.propagating = new Int32Array(azCount);
    this.healthyPropagating = new Int32Array(azCount);
  }

  azOf(slot: number): number {
    return Math.floor(slot / this.perAz);
  }

  generationOf(slot: number): number {
    return this.#generation[slot] as number;
  }

  /** Whether a connection (or a health check) to this target can get an answer. */
  isReachable(slot: number): boolean {
    return ((this.#flags[slot] as number) & (DEAD | PROPAGATED)) === PROPAGATED;
  }

  isPropagated(slot: number): boolean {
    return ((this.#flags[slot] as number) & PROPAGATED) !== 0;
  }

  isDead(slot: number): boolean {
    return ((this.#flags[slot] as number) & DEAD) !== 0;
  }

  /**
   * A new instance takes the slot. Like a newly registered NLB target it starts out of
   * service and must pass `healthyThreshold` checks in a row to come in.
   */
  replace(slot: number, propagated: boolean): void {
    this.#setFlags(slot, propagated ? PROPAGATED : 0);
    this.#passStreak[slot] = 0;
    this.#failStreak[slot] = 0;
    this.#generation[slot] = (this.#generation[slot] as number) + 1;
  }

  /** Network Manager has finished propagating this instance's network state. */
  propagate(slot: number, generation: number): void {
    if (this.#generation[slot] !== generation) return;
    this.#setFlags(slot, (this.#flags[slot] as number) | PROPAGATED);
  }

  /** Every target in the AZ stops answering: a genuine failure. */
  killAz(az: number): void {
    for (let slot = az * this.perAz; slot < (az + 1) * this.perAz; slot++) {
      this.#setFlags(slot, (this.#flags[slot] as number) | DEAD);
    }
  }

  /**
   * Records one health-check result; a target changes state after enough results in a
   * row. Returns +1 when it comes into service, -1 when it goes out, 0 otherwise.
   */
  record(slot: number, passed: boolean, healthyThreshold: number, unhealthyThreshold: number): number {
    const flags = this.#flags[slot] as number;
    if (passed) {
      this.#failStreak[slot] = 0;
      const streak = Math.min(255, (this.#passStreak[slot] as number) + 1);
      this.#passStreak[slot] = streak;
      if ((flags & HEALTHY) === 0 && streak >= healthyThreshold) {
        this.#setFlags(slot, flags | HEALTHY);
        return 1;
      }
      return 0;
    }
    this.#passStreak[slot] = 0;
    const streak = Math.min(255, (this.#failStreak[slot] as number) + 1);
    this.#failStreak[slot] = streak;
    if ((flags & HEALTHY) !== 0 && streak >= unhealthyThreshold) {
      this.#setFlags(slot, flags & ~HEALTHY);
      return -1;
    }
    return 0;
  }

  /** Changes a slot's flags and keeps the per-AZ counters in step. */
  #setFlags(slot: number, next: number): void {
    const az = this.azOf(slot);
    this.#count(az, this.#flags[slot] as number, -1);
    this.#flags[slot] = next;
    this.#count(az, next, 1);
  }

  #count(az: number, flags: number, sign: number): void {
    const reachable = (flags & (DEAD | PROPAGATED)) === PROPAGATED;
    const healthy = (flags & HEALTHY) !== 0;
    if (healthy) this.healthy[az] = (this.healthy[az] as number) + sign;
    if (healthy && reachable) this.healthyReachable[az] = (this.healthyReachable[az] as number) + sign;
    if (reachable) this.reachable[az] = (this.reachable[az] as number) + sign;
    if ((flags & PROPAGATED) === 0) this.unpropagated[az] = (this.unpropagated[az] as number) + sign;
    const propagating = (flags & (DEAD | PROPAGATED)) === 0;
    if (propagating) this.propagating[az] = (this.propagating[az] as number) + sign;
    if (propagating && healthy) this.healthyPropagating[az] = (this.healthyPropagating[az] as number) + sign;
  }
}
