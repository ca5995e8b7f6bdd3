import { HOUR, pdt } from '../sim/clock.ts';
import { DEFAULT_DNS_CONFIG, regionEndpoints, type DnsConfig } from '../dns/config.ts';
import { ordinaryNight, type DnsScenario } from '../dns/scenario.ts';

/** A whole day of ordinary operation: plans every minute, no faults. Nothing may break. */
export const happyPath: DnsScenario = ordinaryNight()
  .named('happyPath', 'a simulated day of ordinary operation: plans every minute, three healthy Enactors')
  .seed(7)
  .stopPlannerAt(['23:00', 20])
  .runUntil(['23:05', 20])
  .value;

/**
 * When Enactor az1's delays begin. AWS does not say; fitted to 23:48: eight minutes before its
 * 23:48, so the race's time is an input to within minutes.
 */
export const OCTOBER_DELAYS_FROM = '23:40';

/**
 * The night of 19 October 2025, from faults as AWS described them rather than arranged:
 * from 23:40 Enactor az1's Route 53 calls are slow and, on about a third of the
 * endpoints it visits, most of its lock acquisitions fail, so it backs off and retries and
 * walks the endpoints slowly; az2 and az3 keep applying each new plan in seconds and then
 * clean up. Whether az1's late write of the regional endpoint lands between another
 * Enactor's write there and that Enactor's clean-up, and which endpoints it has reached
 * by then, is left to the seed (`raceOdds` measures how often it happens: a few nights in
 * a hundred per pass at these parameters). This seed is a typical racing night, chosen
 * for teaching because it resembles AWS's: the race comes at 23:50, and only the regional
 * endpoint and its IPv6 twin go empty. At 02:25 the operators restore the records by hand
 * (brief) and switch the DNS Planner and Enactor automation off (chosen: AWS says it
 * disabled the automation worldwide and gives no time).
 *
 * Every value below is in the calibration table (packages/core/CALIBRATION.md): a source, or a
 * reason it was chosen. AWS published neither the Planner's period nor the Enactors'
 * latencies, back-off or lock-failure cause.
 */
export const october2025: DnsScenario = ordinaryNight()
  .named('october2025', 'the race of 19 October 2025: a delayed Enactor, a fast one, clean-up, an empty endpoint, a wedge')
  // fitted to 23:48: a racing night (of thousands tried) whose race resembles AWS's; see above.
  .seed(20251351)
  // chosen: eight endpoints besides the regional pair, which the Enactors reach fifth and
  // sixth. AWS manages hundreds of thousands of records and did not say where the regional
  // endpoint comes in the walk: first, and a delayed Enactor always writes it while its
  // plan is fresh; last, and no clean-up window is left after it.
  .otherEndpoints(8, { regionalAt: 4 })
  // chosen: a plan every 15 s. The talk's illustration (a delayed plan 110 against 145)
  // puts 35 generations between the two, which at this period is about 9 minutes.
  .plannerPeriod('15s')
  // chosen: "many generations older" (brief); the public SPIN model uses 2.
  .cleanupThreshold(10)
  // chosen: a Route 53 change call takes about a quarter of a second.
  .route53Latency('250ms')
  // chosen after the AWS SDKs' standard retry mode: exponential back-off from 100 ms,
  // capped at 20 s.
  .backoff({ base: '100ms', cap: '20s' })
  // brief (talk): the delayed Enactor "fails to acquire endpoint locks several times in a
  // row; back-off makes it fall far behind, one endpoint at a time"; AWS: it needed "to
  // retry its update on several of the DNS endpoints". The intensities are chosen: calls
  // twice as slow as usual, and on 30% of endpoints 90% of lock attempts fail.
  .degradedEnactor('az1', { from: OCTOBER_DELAYS_FROM, until: ['02:25', 20], latency: '500ms', lockFailures: 0.9, onShare: 0.3 })
  .operatorRepairAt(['02:25', 20])
  .disableAutomationAt(['02:25', 20])
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

/**
 * The night's real size, untimed: three Enactors (one per AZ) and the regional endpoint
 * with its IPv6 twin, as on 19 October; six plans, so that clean-up (threshold 2) can reach a
 * plan a slow Enactor still holds. For `npm run explore`, which checks it exhaustively.
 */
export const realScope: DnsScenario = {
  name: 'realScope',
  description: "the night's real size: 3 Enactors, the regional endpoint and its IPv6 twin, 6 plans, clean-up threshold 2",
  seed: 1,
  config: smallScopeConfig({ enactors: 3, endpoints: 2, plans: 6 }),
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

export const DNS_SCENARIOS: Readonly<Record<string, DnsScenario>> = { happyPath, october2025, smallScope, october2025Exploration, realScope };
