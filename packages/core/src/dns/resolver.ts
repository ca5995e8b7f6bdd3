import { ConfigError, check } from '../config-error.ts';

/** From `time` on, the authoritative answer for a name is `addresses` ([] is NOERROR with no answers). */
export interface AnswerChange {
  readonly time: number;
  readonly addresses: readonly string[];
}

/** How long a resolver keeps what it was told. */
export interface ResolverTtl {
  /** An answer with addresses. */
  readonly answerTtlMs: number;
  /** An empty answer (negative caching, RFC 2308: the zone's SOA says how long). */
  readonly negativeTtlMs: number;
}

/**
 * One client's DNS cache. It asks the authority only when what it holds has expired, and
 * keeps an empty answer as faithfully as a full one: that is why DynamoDB's clients kept
 * failing after the operators restored the records at 02:25, until their cached empty
 * answers ran out (brief: 02:40).
 */
export class CachingResolver {
  #addresses: readonly string[] = [];
  #expiresAt = -Infinity;
  #lookups = 0;

  constructor(
    readonly ttl: ResolverTtl,
    /** What the authoritative servers answer at a given time. */
    readonly authority: (timeMs: number) => readonly string[],
  ) {
    validateResolverTtl(ttl);
  }

  /** The addresses this client uses at `now`, from its cache or, when that has expired, from the authority. */
  resolve(now: number): readonly string[] {
    if (now >= this.#expiresAt) {
      this.#addresses = this.authority(now);
      this.#expiresAt = now + (this.#addresses.length > 0 ? this.ttl.answerTtlMs : this.ttl.negativeTtlMs);
      this.#lookups++;
    }
    return this.#addresses;
  }

  /** When the cached answer runs out (−Infinity before the first lookup). */
  get expiresAt(): number {
    return this.#expiresAt;
  }

  /** Questions sent to the authority so far. */
  get lookups(): number {
    return this.#lookups;
  }
}

/**
 * An authority that replays a recorded timeline (sorted by time): the answer of the last
 * change at or before the time asked, or no addresses before the first change.
 */
export function timelineAuthority(changes: readonly AnswerChange[]): (timeMs: number) => readonly string[] {
  for (let i = 1; i < changes.length; i++) {
    if ((changes[i] as AnswerChange).time < (changes[i - 1] as AnswerChange).time) {
      throw new ConfigError(`changes[${i}].time`, 'is earlier than the change before it', 'changes sorted by time');
    }
  }
  return (timeMs) => {
    let lo = 0;
    let hi = changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((changes[mid] as AnswerChange).time <= timeMs) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? [] : (changes[lo - 1] as AnswerChange).addresses;
  };
}

export function validateResolverTtl(ttl: ResolverTtl): ResolverTtl {
  if (typeof ttl !== 'object' || ttl === null) throw new ConfigError('ttl', 'is missing', '{ answerTtlMs, negativeTtlMs }');
  check.finiteAtLeast('answerTtlMs', ttl.answerTtlMs, 0, ' ms');
  check.finiteAtLeast('negativeTtlMs', ttl.negativeTtlMs, 0, ' ms');
  return ttl;
}
