import { HOUR, pdt } from '../sim/clock.ts';
import { DEFAULT_DNS_CONFIG, IPV6_ENDPOINT, REGIONAL_ENDPOINT, regionEndpoints, type DnsConfig } from '../dns/config.ts';
import { ordinaryNight, type DnsScenario } from '../dns/scenario.ts';

/** A whole day of ordinary operation: plans every minute, no faults. Nothing may break. */
export const happyPath: DnsScenario = ordinaryNight()
  .named('happyPath', 'a simulated day of ordinary operation: plans every minute, three healthy Enactors')
  .seed(7)
  .stopPlannerAt(['23:00', 20])
  .runUntil(['23:05', 20])
  .value;

/**
 * The night of 19 October 2025. Enactor az1 picks up gen 110 at 23:10 and then fails to
 * take locks for 37 minutes, backing off; az2 and az3 keep applying newer plans and
 * cleaning up. az1's write of gen 110 lands on the regional endpoint (and its IPv6 twin)
 * just after another Enactor has applied gen 147 there and before that Enactor's
 * clean-up, which deletes gen 110's sets: the endpoint answers nothing, and every later
 * batch fails on the rollback ALIAS. Operators repair the records at 02:25.
 * Simplifications: AWS did not publish the lock-failure cause or the back-off constants;
 * the fault windows and back-off are chosen so the write lands in the clean-up window.
 * AWS reported the regional endpoint; so that only it and its twin carry the stale plan
 * when clean-up runs, az1 keeps failing on the other endpoints after 23:47.
 */
export const october2025: DnsScenario = ordinaryNight()
  .named('october2025', 'the race of 19 October 2025: a delayed Enactor, a fast one, clean-up, an empty endpoint, a wedge')
  .seed(20251019)
  .otherEndpoints(100)
  .cleanupThreshold(10)
  .slowEnactor('az1', { from: '23:10', until: '23:47:01' })
  .slowEnactor('az1', { from: '23:47:01', until: ['02:45', 20], except: [REGIONAL_ENDPOINT, IPV6_ENDPOINT] })
  .operatorRepairAt(['02:25', 20])
  .stopPlannerAt(['02:40', 20])
  .runUntil(['02:45', 20])
  .value;

/**
 * The configuration of the public SPIN model of this race (2 Enactors, 5 plans, clean-up
 * threshold 2) for exhaustive exploration. Every latency is zero and locks expire at once,
 * so time cannot influence behaviour and states can be compared without the clock; lock
 * contention still shows up as a DELETE whose value no longer matches.
 */
export function smallScopeConfig(options: { enactors?: 2 | 3; plans?: number; endpoints?: 1 | 2; cleanupThreshold?: number } = {}): DnsConfig {
  const endpoints = regionEndpoints(0).slice(0, options.endpoints ?? 1);
  return {
    ...DEFAULT_DNS_CONFIG,
    enactors: options.enactors === 3 ? ['az1', 'az2', 'az3'] : ['az1', 'az2'],
    endpoints,
    loadBalancers: 2,
    lbsPerEndpoint: 2,
    lbUnhealthyChance: 0,
    firstGeneration: 1,
    plannerPeriodMs: 0,
    maxPlans: (options.plans ?? 5) - 1,
    enactorPollMs: 0,
    apiLatencyMs: 0,
    latencyJitter: 0,
    lockTtlMs: 0,
    backoffBaseMs: 0,
    backoffCapMs: 0,
    cleanupThreshold: options.cleanupThreshold ?? 2,
  };
}

export const smallScope: DnsScenario = {
  name: 'smallScope',
  description: 'the SPIN-sized configuration: 2 Enactors, 5 plans, clean-up threshold 2, 1 endpoint',
  seed: 1,
  config: smallScopeConfig(),
  untilMs: Infinity,
};

/** The october2025 topology for random and PCT exploration: 3 Enactors, 4 endpoints, 8 plans, untimed. */
export const october2025Exploration: DnsScenario = {
  name: 'october2025Exploration',
  description: 'the october2025 topology, small enough to explore thousands of schedules a second',
  seed: 1,
  config: {
    ...DEFAULT_DNS_CONFIG,
    endpoints: regionEndpoints(2),
    firstGeneration: 100,
    maxPlans: 8,
    cleanupThreshold: 2,
    lockTtlMs: 0,
  },
  untilMs: 2 * HOUR,
};

export const DNS_SCENARIOS: Readonly<Record<string, DnsScenario>> = { happyPath, october2025, smallScope, october2025Exploration };
