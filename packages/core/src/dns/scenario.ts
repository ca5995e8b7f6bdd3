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

  /** How many endpoints besides the regional one and its IPv6 twin. */
  otherEndpoints(count: number): DnsScenarioBuilder {
    return this.#with({ endpoints: regionEndpoints(check.integerAtLeast('otherEndpoints', count, 0)) });
  }

  /**
   * Every lock acquisition of this Enactor fails between the two times (fault
   * `enactor.lock`), on every endpoint, or on the `only` ones, or on all `except` these.
   */
  slowEnactor(
    enactor: Az,
    window: { readonly from: When; readonly until: When; readonly only?: readonly string[]; readonly except?: readonly string[] },
  ): DnsScenarioBuilder {
    check.oneOf('slowEnactor.enactor', enactor, AZS);
    const all = this.scenario.config.endpoints.map((e) => e.name);
    const endpoints = window.only ?? (window.except === undefined ? undefined : all.filter((name) => !(window.except ?? []).includes(name)));
    const fault: Fault = {
      point: 'enactor.lock',
      enactor,
      from: toMs('slowEnactor.from', window.from),
      until: toMs('slowEnactor.until', window.until),
      ...(endpoints === undefined ? {} : { endpoints }),
    };
    return this.#with({ faults: [...this.scenario.config.faults, fault] });
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
