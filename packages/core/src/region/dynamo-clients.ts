import { CachingResolver, timelineAuthority, type AnswerChange } from '../dns/resolver.ts';
import { MINUTE } from '../sim/clock.ts';
import type { Rng } from '../sim/rng.ts';
import type { DynamoClientsConfig } from './config.ts';

/**
 * DynamoDB's clients in the Region, minute by minute: the share of their requests that
 * failed because the client's resolver had no address for the regional endpoint.
 * `errorRate[m]` covers the minute ending at `startMs + (m + 1) min`.
 *
 * Each client sends requests with exponential gaps and resolves through its own cache,
 * which keeps a full answer for `answerTtlMs` and an empty one for `negativeTtlMs`. The
 * random gaps spread the moments at which clients cached the empty answer, so after the
 * repair their caches run out one after another over the negative TTL, as the brief's
 * 02:25–02:40 describes.
 *
 * Simplifications: a request fails only for want of an address (DynamoDB itself was
 * healthy); every client sees the same authoritative answer; the 01:15 mitigations for
 * "some internal services" are left out, since the brief does not say which ones.
 */
export function dynamoErrorRates(
  answers: readonly AnswerChange[],
  config: DynamoClientsConfig,
  window: { readonly startMs: number; readonly endMs: number },
  rng: Rng,
): Float64Array {
  const minutes = Math.ceil((window.endMs - window.startMs) / MINUTE);
  const requests = new Float64Array(minutes);
  const failures = new Float64Array(minutes);
  const authority = timelineAuthority(answers);
  const ttl = { answerTtlMs: config.answerTtlMs, negativeTtlMs: config.negativeTtlMs };
  for (let c = 0; c < config.count; c++) {
    const resolver = new CachingResolver(ttl, authority);
    for (let t = window.startMs + rng.float() * config.requestGapMs; t < window.endMs; t += exponential(rng, config.requestGapMs)) {
      const m = Math.floor((t - window.startMs) / MINUTE);
      requests[m] = (requests[m] as number) + 1;
      if (resolver.resolve(t).length === 0) failures[m] = (failures[m] as number) + 1;
    }
  }
  return failures.map((failed, m) => {
    const asked = requests[m] as number;
    return asked === 0 ? 0 : failed / asked;
  });
}

function exponential(rng: Rng, meanMs: number): number {
  return -Math.log(1 - rng.float()) * meanMs;
}
