import type { Rng } from '../sim/rng.ts';
import { roundRandom } from './round.ts';

/**
 * A first-in first-out queue of cohorts: items that arrived together and share a tag, an
 * arrival time and a deadline. After the outage DWFM queued a lease request for nearly
 * every droplet in the Region; held as cohorts, that queue costs the same for a thousand
 * droplets as for a million.
 */
export class CohortQueue {
  #tags: number[] = [];
  #counts: number[] = [];
  #arrived: number[] = [];
  #deadlines: number[] = [];
  #head = 0;
  #length = 0;

  /** Items waiting, summed over every cohort. */
  get length(): number {
    return this.#length;
  }

  get isEmpty(): boolean {
    return this.#length === 0;
  }

  get headTag(): number {
    return this.#tags[this.#head] ?? -1;
  }

  get headCount(): number {
    return this.#counts[this.#head] ?? 0;
  }

  get headArrivedAt(): number {
    return this.#arrived[this.#head] ?? Infinity;
  }

  get headDeadline(): number {
    return this.#deadlines[this.#head] ?? Infinity;
  }

  push(tag: number, count: number, arrivedAt: number, deadline: number): void {
    if (count <= 0) return;
    this.#length += count;
    const last = this.#tags.length - 1;
    if (last >= this.#head && this.#tags[last] === tag && this.#arrived[last] === arrivedAt && this.#deadlines[last] === deadline) {
      this.#counts[last] = (this.#counts[last] as number) + count;
      return;
    }
    this.#tags.push(tag);
    this.#counts.push(count);
    this.#arrived.push(arrivedAt);
    this.#deadlines.push(deadline);
  }

  /** Takes `n` items (at most the head cohort's count) off the head. */
  take(n: number): void {
    const left = this.headCount - n;
    this.#length -= n;
    if (left > 0) this.#counts[this.#head] = left;
    else this.#advance();
  }

  /** Removes the whole head cohort and returns how many items it held. */
  dropHead(): number {
    const n = this.headCount;
    this.#length -= n;
    this.#advance();
    return n;
  }

  /** Visits every waiting cohort, oldest first. */
  forEach(visit: (tag: number, count: number, arrivedAt: number, deadline: number) => void): void {
    for (let i = this.#head; i < this.#tags.length; i++) {
      visit(this.#tags[i] as number, this.#counts[i] as number, this.#arrived[i] as number, this.#deadlines[i] as number);
    }
  }

  /**
   * Removes about `fraction` of every cohort, for a restart of that share of the hosts:
   * their waiting work is lost and its owners have to ask again.
   */
  discard(fraction: number, rng: Rng, onDiscard: (tag: number, count: number) => void): void {
    for (let i = this.#head; i < this.#tags.length; i++) {
      const count = this.#counts[i] as number;
      const lost = Math.min(count, roundRandom(count * fraction, rng));
      if (lost === 0) continue;
      this.#counts[i] = count - lost;
      this.#length -= lost;
      onDiscard(this.#tags[i] as number, lost);
    }
    this.#compact(true);
  }

  #advance(): void {
    this.#head++;
    if (this.#head === this.#tags.length) {
      this.#clear();
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#tags.length) {
      this.#compact(false);
    }
  }

  #compact(dropEmpty: boolean): void {
    const counts = this.#counts;
    const head = this.#head;
    const keep = (_: number, i: number): boolean => i >= head && (!dropEmpty || (counts[i] as number) > 0);
    this.#tags = this.#tags.filter(keep);
    this.#counts = counts.filter(keep);
    this.#arrived = this.#arrived.filter(keep);
    this.#deadlines = this.#deadlines.filter(keep);
    this.#head = 0;
  }

  #clear(): void {
    this.#tags.length = 0;
    this.#counts.length = 0;
    this.#arrived.length = 0;
    this.#deadlines.length = 0;
    this.#head = 0;
  }
}
