import { REGIONAL_ENDPOINT } from '../dns/config.ts';
import type { EnactorProgram } from '../dns/enactor.ts';
import { createDnsModel } from '../dns/model.ts';
import type { AnswerChange } from '../dns/resolver.ts';
import type { DnsWorld } from '../dns/world.ts';
import type { Model } from '../sim/model.ts';
import { startRun } from '../sim/run.ts';
import type { DnsScenario } from '../dns/scenario.ts';

export interface DnsNight {
  /** What Route 53 answered for the regional endpoint (A records), one entry per change. */
  readonly answers: readonly AnswerChange[];
  /** Steps the DNS model took. */
  readonly steps: number;
  readonly endMs: number;
}

/** A DNS night under way: run it to the regional endpoint's first empty answer, then on to its end if wanted. */
export interface DnsNightInProgress {
  /**
   * Steps until the regional endpoint answers with no addresses, or until a step comes
   * after `untilMs`. Returns when it first went empty, or null if it had not by `untilMs`
   * (a step just past `untilMs` may have been taken: `finish` goes on from there).
   */
  runUntilEmpty(untilMs: number): number | null;
  /** Runs to the scenario's end: the same night `runDnsNight` gives. */
  finish(): DnsNight;
}

export interface DnsNightOptions {
  readonly seed: number;
  readonly enactor?: EnactorProgram;
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Runs the DNS model and records what the authoritative servers answered for
 * `dynamodb.us-east-1.amazonaws.com` over the night.
 */
export function runDnsNight(scenario: Pick<DnsScenario, 'config' | 'untilMs'>, options: DnsNightOptions): DnsNight {
  return startDnsNight(scenario, options).finish();
}

/**
 * The DNS night of `runDnsNight`, taken a step at a time: the replay's distribution looks
 * for the race in thousands of nights, stops each as soon as its race is known, and runs
 * on to the end only the few it keeps, so no night is run twice.
 *
 * Only the regional endpoint's answer is looked at, and only after a batch changed the
 * zone, so the observation costs nothing on the steps that change nothing.
 */
export function startDnsNight(scenario: Pick<DnsScenario, 'config' | 'untilMs'>, options: DnsNightOptions): DnsNightInProgress {
  const base = createDnsModel(scenario.config, options.enactor === undefined ? {} : { enactor: options.enactor });
  const answers: AnswerChange[] = [];
  const startMs = scenario.config.startMs;
  const span = Math.max(1, scenario.untilMs - startMs);
  let version = -1;
  let previous: readonly string[] | null = null;
  let reported = 0;
  let emptyAt: number | null = null;
  const model: Model<DnsWorld, null> = {
    ...base,
    observe(world, now) {
      if (world.route53.version !== version) {
        version = world.route53.version;
        const addresses = world.route53.resolve(REGIONAL_ENDPOINT, 'A');
        if (previous === null || !sameAddresses(previous, addresses)) {
          previous = addresses;
          answers.push({ time: now, addresses });
          if (emptyAt === null && addresses.length === 0) emptyAt = now;
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
  const run = startRun(model, { seed: options.seed, untilMs: scenario.untilMs, trace: false, onStep: () => undefined });
  return {
    runUntilEmpty(untilMs) {
      while (emptyAt === null && run.now <= untilMs && run.step());
      return emptyAt !== null && emptyAt <= untilMs ? emptyAt : null;
    },
    finish() {
      const result = run.finish();
      return { answers, steps: result.steps, endMs: result.endTime };
    },
  };
}

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
