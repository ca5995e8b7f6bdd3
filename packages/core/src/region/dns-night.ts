import { REGIONAL_ENDPOINT } from '../dns/config.ts';
import type { EnactorProgram } from '../dns/enactor.ts';
import { createDnsModel } from '../dns/model.ts';
import type { AnswerChange } from '../dns/resolver.ts';
import type { DnsWorld } from '../dns/world.ts';
import type { Model } from '../sim/model.ts';
import { runModel } from '../sim/run.ts';
import type { DnsScenario } from '../dns/scenario.ts';

export interface DnsNight {
  /** What Route 53 answered for the regional endpoint (A records), one entry per change. */
  readonly answers: readonly AnswerChange[];
  /** Steps the DNS model took. */
  readonly steps: number;
  readonly endMs: number;
}

/**
 * Runs the DNS model and records what the authoritative servers answered for
 * `dynamodb.us-east-1.amazonaws.com` over the night.
 *
 * Only the regional endpoint's answer is looked at, and only after a batch changed the
 * zone, so the observation costs nothing on the steps that change nothing.
 */
export function runDnsNight(
  scenario: Pick<DnsScenario, 'config' | 'untilMs'>,
  options: { readonly seed: number; readonly enactor?: EnactorProgram; readonly onProgress?: (fraction: number) => void },
): DnsNight {
  const base = createDnsModel(scenario.config, options.enactor === undefined ? {} : { enactor: options.enactor });
  const answers: AnswerChange[] = [];
  const startMs = scenario.config.startMs;
  const span = Math.max(1, scenario.untilMs - startMs);
  let version = -1;
  let previous = '\u0000';
  let reported = 0;
  const model: Model<DnsWorld, null> = {
    ...base,
    observe(world, now) {
      if (world.route53.version !== version) {
        version = world.route53.version;
        const addresses = world.route53.resolve(REGIONAL_ENDPOINT, 'A');
        const key = addresses.join(',');
        if (key !== previous) {
          previous = key;
          answers.push({ time: now, addresses });
        }
      }
      const fraction = (now - startMs) / span;
      if (options.onProgress !== undefined && fraction - reported >= 0.02) {
        reported = fraction;
        options.onProgress(Math.min(1, fraction));
      }
      return null;
    },
  };
  const run = runModel(model, { seed: options.seed, untilMs: scenario.untilMs, trace: false, onStep: () => undefined });
  return { answers, steps: run.steps, endMs: run.endTime };
}

/** The spans when the regional endpoint answered with no addresses: [from, until). */
export function emptySpans(answers: readonly AnswerChange[], endMs: number): { readonly fromMs: number; readonly toMs: number }[] {
  const spans: { fromMs: number; toMs: number }[] = [];
  let from: number | null = null;
  for (const change of answers) {
    if (change.addresses.length === 0 && from === null) from = change.time;
    if (change.addresses.length > 0 && from !== null) {
      spans.push({ fromMs: from, toMs: change.time });
      from = null;
    }
  }
  if (from !== null) spans.push({ fromMs: from, toMs: endMs });
  return spans;
}
