/**
 * A token bucket per key: `burst` writes at once, then `perSecond` on average. A learner's
 * watch mode sends one verdict per save, so the limit only ever bites a runaway script.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; last: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  /** Takes one token for `key`; false when its bucket is empty. */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, last: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.last) / 1000) * this.perSecond);
    bucket.last = now;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return allowed;
  }

  /** Seconds until `key` may write again, for the Retry-After header. */
  retryAfter(key: string): number {
    const tokens = this.buckets.get(key)?.tokens ?? this.burst;
    return Math.max(1, Math.ceil((1 - tokens) / this.perSecond));
  }
}
