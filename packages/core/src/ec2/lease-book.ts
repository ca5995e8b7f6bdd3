import type { Rng } from '../sim/rng.ts';

/**
 * Which droplets hold a lease, as counts per lease class and expiry tick rather than one
 * object per droplet, so a fleet of a million costs what a fleet of a thousand does.
 *
 * A lease class is a group of droplets with one lease lifetime. The brief says leases
 * "slowly" timed out over the whole DynamoDB outage (23:48–02:24); lifetimes spread over
 * classes reproduce that (a simplification: AWS did not publish lease lifetimes).
 *
 * A droplet whose lease was last renewed at tick r holds it until r + ttl and runs its
 * state check at r + check, r + 2·check, …; so the expiry bucket alone tells when each
 * droplet checks next, and the book never needs to know which droplet is which.
 */
export class LeaseBook {
  readonly #ttl: Int32Array;
  readonly #buckets: Float64Array[];
  readonly #size: number;
  readonly #checkTicks: number;
  readonly #byClass: Float64Array;
  #leased = 0;

  constructor(ttlTicks: readonly number[], checkTicks: number) {
    this.#ttl = Int32Array.from(ttlTicks);
    this.#checkTicks = checkTicks;
    this.#size = Math.max(...ttlTicks) + 2;
    this.#buckets = ttlTicks.map(() => new Float64Array(this.#size));
    this.#byClass = new Float64Array(ttlTicks.length);
  }

  get classes(): number {
    return this.#ttl.length;
  }

  get leased(): number {
    return this.#leased;
  }

  leasedIn(cls: number): number {
    return this.#byClass[cls] ?? 0;
  }

  /** Droplets of one class that all renewed within the last check interval, evenly spread. */
  seed(cls: number, count: number, tick: number, rng: Rng): void {
    const ttl = this.#ttl[cls] as number;
    const per = Math.floor(count / this.#checkTicks);
    for (let u = 0; u < this.#checkTicks; u++) this.#add(cls, tick + ttl - u, per);
    for (let left = count - per * this.#checkTicks; left > 0; left--) {
      this.#add(cls, tick + ttl - rng.int(0, this.#checkTicks - 1), 1);
    }
  }

  /** A fresh lease for `count` droplets of one class, from `tick`. */
  grant(cls: number, count: number, tick: number): void {
    this.#add(cls, tick + (this.#ttl[cls] as number), count);
  }

  /** The state checks due at `tick` succeed (DynamoDB answered): their leases start again. */
  renew(tick: number): void {
    for (let cls = 0; cls < this.#ttl.length; cls++) {
      const ttl = this.#ttl[cls] as number;
      const buckets = this.#buckets[cls] as Float64Array;
      const fresh = (tick + ttl) % this.#size;
      for (let since = this.#checkTicks; since < ttl; since += this.#checkTicks) {
        const due = (tick + ttl - since) % this.#size;
        const count = buckets[due] as number;
        if (count === 0) continue;
        buckets[due] = 0;
        buckets[fresh] = (buckets[fresh] as number) + count;
      }
    }
  }

  /** Leases that run out at `tick` are gone; `onExpire` hears how many per class. */
  expire(tick: number, onExpire: (cls: number, count: number) => void): void {
    const at = tick % this.#size;
    for (let cls = 0; cls < this.#ttl.length; cls++) {
      const buckets = this.#buckets[cls] as Float64Array;
      const count = buckets[at] as number;
      if (count === 0) continue;
      buckets[at] = 0;
      this.#leased -= count;
      this.#byClass[cls] = (this.#byClass[cls] as number) - count;
      onExpire(cls, count);
    }
  }

  #add(cls: number, expiryTick: number, count: number): void {
    if (count <= 0) return;
    const buckets = this.#buckets[cls] as Float64Array;
    const at = expiryTick % this.#size;
    buckets[at] = (buckets[at] as number) + count;
    this.#leased += count;
    this.#byClass[cls] = (this.#byClass[cls] as number) + count;
  }
}
