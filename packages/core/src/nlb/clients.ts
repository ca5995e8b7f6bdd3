import { NLB_TICK_MS, type ClientConfig } from './config.ts';
import type { TargetFleet } from './targets.ts';

/**
 * What clients see. Each client keeps the DNS answer it got for one TTL and spreads its
 * connections evenly over the addresses in it; clients ask at uniformly spread times,
 * so the traffic an AZ gets is its average share of the answers of the last TTL.
 *
 * A node sends connections only to its own AZ's targets (NLB's default, cross-zone load
 * balancing off), and only to those in service; if none is, it sends to all of them
 * (NLB fails open within a target group). A connection fails when it lands on a target
 * that cannot answer (dead, or its network state not yet programmed on that path) or when the AZ's serving
 * targets get more load than they can take, which is how withdrawing healthy capacity
 * from DNS turns into errors.
 */
export class ClientView {
  readonly #ring: Float64Array;
  readonly #shareSum: Float64Array;
  readonly #slots: number;
  #next = 0;

  constructor(
    readonly azCount: number,
    readonly config: ClientConfig,
    /** A still-propagating instance answers this share of connections, as it does checks. */
    readonly propagatingAnswerChance: number,
  ) {
    this.#slots = Math.max(1, Math.round(config.dnsTtlMs / NLB_TICK_MS));
    this.#ring = new Float64Array(this.#slots * azCount);
    this.#shareSum = new Float64Array(azCount);
    // Before the scenario starts every client has the full answer.
    for (let slot = 0; slot < this.#slots; slot++) this.#push(new Uint8Array(azCount).fill(1));
  }

  /** One second passes: the clients asking now get `answer`, the oldest cached answers expire. */
  observe(answer: Uint8Array): void {
    this.#push(answer);
  }

  /**
   * Fraction of client connections that fail right now. With `healthAware` false
   * (operators switched automatic health-check failover off) every registered target is
   * in service, as AWS describes for 09:36. With `allPublished` the clients are taken to
   * hold every AZ's address: the errors that remain are the targets' own, so the
   * difference is what AZ failover's withdrawals caused.
   */
  errorRate(fleet: TargetFleet, healthAware: boolean, allPublished = false): number {
    const offered = this.config.utilisation * fleet.size;
    if (offered === 0) return 0;
    let failed = 0;
    for (let az = 0; az < this.azCount; az++) {
      const load = allPublished ? offered / this.azCount : ((this.#shareSum[az] as number) / this.#slots) * offered;
      if (load <= 0) continue;
      const inService = healthAware ? (fleet.healthy[az] as number) : 0;
      const serving = inService > 0 ? inService : fleet.perAz;
      const answering =
        inService > 0
          ? (fleet.healthyReachable[az] as number) + this.propagatingAnswerChance * (fleet.healthyPropagating[az] as number)
          : (fleet.reachable[az] as number) + this.propagatingAnswerChance * (fleet.propagating[az] as number);
      const reachableShare = answering / serving;
      // Capacity is one unit of load per target; the load is spread evenly over the serving targets.
      failed += load * (1 - reachableShare) + reachableShare * Math.max(0, load - serving);
    }
    return Math.min(1, failed / offered);
  }

  #push(answer: Uint8Array): void {
    let answered = 0;
    for (const a of answer) answered += a;
    const base = this.#next * this.azCount;
    for (let az = 0; az < this.azCount; az++) {
      const share = answered > 0 ? (answer[az] as number) / answered : 0;
      this.#shareSum[az] = (this.#shareSum[az] as number) - (this.#ring[base + az] as number) + share;
      this.#ring[base + az] = share;
    }
    this.#next = (this.#next + 1) % this.#slots;
  }
}
