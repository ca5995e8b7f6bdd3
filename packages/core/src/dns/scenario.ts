import { ConfigError, check } from '../config-error.ts';
import { HOUR, MINUTE, SECOND, pdt } from '../sim/clock.ts';
import { AZS, DEFAULT_DNS_CONFIG, regionEndpoints, validateDnsConfig, type Az, type DnsConfig, type Fault, type OperatorAction } from './config.ts';

/**
 * A DNS scenario is data: a configuration, a seed, and how long to run. Nothing in it can
 * write to Route 53; it can only shape when things happen.
 */
export interface DnsScenario {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly config: DnsConfig;
  readonly untilMs: number;
}

/** A clock time (`'23:47:02'`, or `['02:25', 20]` for the next day) or simulated ms. */
export type When = string | readonly [string, 19 | 20] | number;

function toMs(field: string, when: When): number {
  if (typeof when === 'number') return check.finiteAtLeast(field, when, 0, ' ms');
  if (typeof when === 'string') return pdt(when);
  return pdt(when[0], when[1]);
}

/** `'60s'`, `'500ms'`, `'2m'` or ms. */
export type Duration = string | number;

function toDuration(field: string, value: Duration): number {
  if (typeof value === 'number') return check.finiteAtLeast(field, value, 0, ' ms');
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)$/.exec(value.trim());
  if (m === null) throw new ConfigError(field, `${JSON.stringify(value)} is not a duration`, "a number of ms, or text such as '500ms', '60s', '2m', '1h'");
  const n = Number(m[1]);
  const unit = m[2] === 'ms' ? 1 : m[2] === 's' ? SECOND : m[2] === 'h' ? HOUR : MINUTE;
  return n * unit;
}

/**
 * The scenario API of lesson 01: start from an ordinary night and shape it. Every method
 * returns a new builder, so a learner can keep variations side by side.
 */
export class DnsScenarioBuilder {
  constructor(private readonly scenario: DnsScenario) {}

  get value(): DnsScenario {
    validateDnsConfig(this.scenario.config);
    return this.scenario;
  }

  named(name: string, description = this.scenario.description): DnsScenarioBuilder {
    return new DnsScenarioBuilder({ ...this.scenario, name, description });
  }

  seed(seed: number): DnsScenarioBuilder {
    return new DnsScenarioBuilder({ ...this.scenario, seed: check.integerAtLeast('seed', seed, 0) });
  }

  /** How often the DNS Planner publishes a new plan. */
  plannerPeriod(period: Duration): DnsScenarioBuilder {
    return this.#with({ plannerPeriodMs: toDuration('plannerPeriod', period) });
  }

  /** Clean-up deletes plans more than this many generations older than the one applied. */
  cleanupThreshold(generations: number): DnsScenarioBuilder {
    return this.#with({ cleanupThreshold: check.integerAtLeast('cleanupThreshold', generations, 1) });
  }

  /**
   * How many endpoints besides the regional one and its IPv6 twin, and how many of them
   * the Enactors walk before the regional pair (none by default: the pair comes first).
   */
  otherEndpoints(count: number, options: { readonly regionalAt?: number } = {}): DnsScenarioBuilder {
    const others = check.integerAtLeast('otherEndpoints', count, 0);
    const at = options.regionalAt === undefined ? 0 : check.integerAtLeast('otherEndpoints.regionalAt', options.regionalAt, 0);
    if (at > others) throw new ConfigError('otherEndpoints.regionalAt', `${at} is more than the ${others} other endpoints`, `0 to ${others}`);
    return this.#with({ endpoints: regionEndpoints(others, at) });
  }

  /** How long an ordinary Route 53 call takes (each is spread by ±latencyJitter). */
  route53Latency(latency: Duration): DnsScenarioBuilder {
    return this.#with({ apiLatencyMs: toDuration('route53Latency', latency) });
  }

  /** The Enactors' back-off after a lost lock: `base` × 2^(failures − 1), at most `cap`. */
  backoff(window: { readonly base: Duration; readonly cap: Duration }): DnsScenarioBuilder {
    const base = toDuration('backoff.base', window.base);
    const cap = toDuration('backoff.cap', window.cap);
    if (cap < base) throw new ConfigError('backoff.cap', `${cap} ms is below the base ${base} ms`, 'a cap at least as long as the base');
    return this.#with({ backoffBaseMs: base, backoffCapMs: cap });
  }

  /**
   * Every lock acquisition of this Enactor fails between the two times (fault
   * `enactor.lock`), on every endpoint or only on the `only` ones: the lesson's way of
   * scripting a delay by hand.
   */
  slowEnactor(enactor: Az, window: { readonly from: When; readonly until: When; readonly only?: readonly string[] }): DnsScenarioBuilder {
    check.oneOf('slowEnactor.enactor', enactor, AZS);
    const fault: Fault = {
      point: 'enactor.lock',
      enactor,
      from: toMs('slowEnactor.from', window.from),
      until: toMs('slowEnactor.until', window.until),
      ...(window.only === undefined ? {} : { endpoints: window.only }),
    };
    return this.#with({ faults: [...this.scenario.config.faults, fault] });
  }

  /**
   * A degraded Enactor, as AWS described the one that fell behind: between the two times
   * every Route 53 call it makes takes about `latency`, and each of its lock acquisitions
   * fails with probability `lockFailures`, after which it backs off and retries. It keeps
   * making progress, one endpoint at a time, only slowly. Which endpoints it has reached
   * when another Enactor cleans up is left to the seed.
   */
  degradedEnactor(
    enactor: Az,
    window: { readonly from: When; readonly until: When; readonly latency: Duration; readonly lockFailures: number; readonly onShare?: number },
  ): DnsScenarioBuilder {
    check.oneOf('degradedEnactor.enactor', enactor, AZS);
    const from = toMs('degradedEnactor.from', window.from);
    const until = toMs('degradedEnactor.until', window.until);
    const chance = check.finiteAtLeast('degradedEnactor.lockFailures', window.lockFailures, 0);
    if (chance > 1) throw new ConfigError('degradedEnactor.lockFailures', `${chance} is more than 1`, 'a probability in [0, 1]');
    const faults: Fault[] = [
      { point: 'enactor.api-latency', enactor, from, until, latencyMs: toDuration('degradedEnactor.latency', window.latency) },
      { point: 'enactor.lock', enactor, from, until, chance, ...(window.onShare === undefined ? {} : { share: window.onShare }) },
    ];
    return this.#with({ faults: [...this.scenario.config.faults, ...faults] });
  }

  /** Every Route 53 call of this Enactor takes `latency` between the two times (fault `enactor.api-latency`). */
  slowApi(enactor: Az, window: { readonly from: When; readonly until: When; readonly latency: Duration }): DnsScenarioBuilder {
    check.oneOf('slowApi.enactor', enactor, AZS);
    const fault: Fault = {
      point: 'enactor.api-latency',
      enactor,
      from: toMs('slowApi.from', window.from),
      until: toMs('slowApi.until', window.until),
      latencyMs: toDuration('slowApi.latency', window.latency),
    };
    return this.#with({ faults: [...this.scenario.config.faults, fault] });
  }

  /** The Planner publishes no plan after this time: the disturbances are over. */
  stopPlannerAt(when: When): DnsScenarioBuilder {
    return this.#with({ plannerStopMs: toMs('stopPlannerAt', when) });
  }

  /** The operators restore the DNS records by hand at this time. */
  operatorRepairAt(when: When): DnsScenarioBuilder {
    const action: OperatorAction = { at: toMs('operatorRepairAt', when), action: 'repair-dns' };
    return this.#with({ operator: [...this.scenario.config.operator, action].sort((a, b) => a.at - b.at) });
  }

  /** The operators switch the DNS Planner and Enactor automation off at this time (after a repair at the same time). */
  disableAutomationAt(when: When): DnsScenarioBuilder {
    const action: OperatorAction = { at: toMs('disableAutomationAt', when), action: 'disable-automation' };
    return this.#with({ operator: [...this.scenario.config.operator, action].sort((a, b) => a.at - b.at) });
  }

  runUntil(when: When): DnsScenarioBuilder {
    return new DnsScenarioBuilder({ ...this.scenario, untilMs: toMs('runUntil', when) });
  }

  #with(change: Partial<DnsConfig>): DnsScenarioBuilder {
    return new DnsScenarioBuilder({ ...this.scenario, config: { ...this.scenario.config, ...change } });
  }
}

/** An ordinary evening: plans every minute from 23:00, three healthy Enactors. */
export function ordinaryNight(): DnsScenarioBuilder {
  return new DnsScenarioBuilder({
    name: 'custom',
    description: 'an ordinary night shaped by the scenario API',
    seed: 1,
    config: { ...DEFAULT_DNS_CONFIG, startMs: pdt('23:00') },
    untilMs: pdt('00:30', 20),
  });
}
