import type { ResourceRecord } from './records.ts';

/**
 * An order-independent 64-bit hash of a zone, kept up to date on every change (Zobrist
 * hashing: XOR a record in when it is added, out when it is removed), so that a world's
 * fingerprint need not sort the zone. Only zones that have been fingerprinted carry one;
 * ordinary runs never pay for it.
 */
export class ZoneHash {
  #hi = 0;
  #lo = 0;

  /** A copy to go on with, for a copy of the zone. */
  copy(): ZoneHash {
    const copy = new ZoneHash();
    copy.#hi = this.#hi;
    copy.#lo = this.#lo;
    return copy;
  }

  /** Adds a record that was not there, or removes one that was. */
  toggle(r: ResourceRecord): void {
    const [hi, lo] = recordHash(r);
    this.#hi ^= hi;
    this.#lo ^= lo;
  }

  /** The hash as text (collisions are negligible at these sizes). */
  toString(): string {
    return `${(this.#hi >>> 0).toString(36)}.${(this.#lo >>> 0).toString(36)}`;
  }
}

const hashes = new WeakMap<ResourceRecord, readonly [number, number]>();

/** Two independent 32-bit FNV-1a hashes of a record's fields, remembered per record object. */
function recordHash(r: ResourceRecord): readonly [number, number] {
  let cached = hashes.get(r);
  if (cached === undefined) {
    const text = `${r.name}|${r.type}|${r.setId}|${r.weight}|${r.value}`;
    let hi = 0x811c9dc5;
    let lo = 0x01000193;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      hi = Math.imul(hi ^ c, 0x01000193);
      lo = Math.imul(lo ^ c, 0x5bd1e995);
      lo ^= lo >>> 15;
    }
    cached = [hi, lo];
    hashes.set(r, cached);
  }
  return cached;
}
