import { timelineAuthority } from '../dns/resolver.ts';
import type { DnsScenario } from '../dns/scenario.ts';
import type { Ec2Result } from '../ec2/run.ts';
import type { Ec2Sample } from '../ec2/sample.ts';
import type { NlbSample } from '../nlb/metrics.ts';
import { MINUTE } from '../sim/clock.ts';
import { behaviourKey, contentKey, identityKey, memoTable } from '../sim/memo.ts';
import { stream, streamSeed, type StreamOverrides } from '../streams.ts';
import { validateRegionConfig, type RegionConfig } from './config.ts';
import { runDnsNight, type DnsNight } from './dns-night.ts';
import { dynamoErrorRates } from './dynamo-clients.ts';
import { runEc2Night } from './ec2-night.ts';
import { regionEvents, type RegionEvent } from './events.ts';
import { NLB_ERROR_MARK } from './marks.ts';
import { fixNames, type FixName, type RegionFixes } from './fixes.ts';
import { runNlbFleet, type NlbFleetNight } from './nlb-night.ts';

/** What customers saw in one minute of the night, per service. */
export interface RegionMinute {
  /** End of the minute (ms since 19 Oct 00:00 PDT). */
  readonly time: number;
  /** Addresses Route 53 returned for dynamodb.us-east-1.amazonaws.com at `time`. */
  readonly dynamoAnswers: number;
  /** Share of DynamoDB requests that failed: the client's resolver had no address. */
  readonly dynamoErrorRate: number;
  /** Share of droplets holding a lease (able to take launches). */
  readonly leasedShare: number;
  /** Share of launch attempts that failed (no leased droplet, or throttled). */
  readonly launchFailureRate: number;
  /** How long new instances waited for their network state. */
  readonly propagationLatencyMs: number;
  /** Whether that wait was past the mark where new instances visibly lack connectivity. */
  readonly newInstancesLackNetwork: boolean;
  /** Share of the connections through all the Region's load balancers that failed. */
  readonly nlbErrorRate: number;
  /** Of those, the share that failed only because AZ failover had withdrawn capacity from DNS. */
  readonly nlbErrorFromFailover: number;
  /** Load balancers' worth of failed connections: Σ over load balancers of each one's failed share (impact minutes). */
  readonly nlbFailedLoadBalancers: number;
  /** The worst load balancer's share of failed connections. */
  readonly nlbWorstErrorRate: number;
  /** Load balancers that failed at least `NLB_ERROR_MARK` of their connections. */
  readonly nlbLoadBalancersHit: number;
  /** Lowest share of any load balancer's nodes in DNS during the minute. */
  readonly nlbCapacityInDns: number;
}

export type RegionStage = 'dns' | 'dynamodb' | 'ec2' | 'nlb';

export interface RegionRunOptions {
  readonly fixes?: RegionFixes;
  /** Overall progress of this night, from 0 to 1, and the model running now. */
  readonly onProgress?: (fraction: number, stage: RegionStage) => void;
  /**
   * The DNS night of an earlier run with the same DNS scenario, seed, repair time and
   * Enactor: sweeps over the other models' parameters reuse it instead of re-running
   * the slowest model.
   */
  readonly dnsNight?: DnsNight;
  /**
   * Seeds that replace one component's derived stream (`nlb.health-checks`, `ec2.dwfm`, …):
   * the night's other components draw exactly as with none.
   */
  readonly streams?: StreamOverrides;
}

export interface RegionNight {
  readonly config: RegionConfig;
  readonly fixes: readonly FixName[];
  readonly minutes: readonly RegionMinute[];
  readonly events: readonly RegionEvent[];
  readonly dns: DnsNight;
  readonly ec2: Ec2Result;
  readonly nlb: NlbFleetNight;
  /** Whether the operators had to step in at 04:14 (they do only when droplets still lack a lease). */
  readonly dwfmOperatorsActed: boolean;
}

/** Shares of a night's wall time, for the progress bar: the DNS model is the slow one. */
const STAGE_SHARE: Readonly<Record<RegionStage, readonly [number, number]>> = {
  dns: [0, 0.45],
  dynamodb: [0.45, 0.5],
  ec2: [0.5, 0.65],
  nlb: [0.65, 1],
};

/**
 * Nights already run in this process: a deck's three October charts, the replay's variants
 * and the cascade deck's fix charts ask for the same few nights. Enough for the five
 * variants of two seeds; a night is megabytes.
 */
const nights = memoTable<RegionNight>(10);

/**
 * One night in the Region: DNS → DynamoDB's clients → DWFM and Network Manager → NLB, with
 * the operators at the Region's times and the given fixes in place. Same config, fixes
 * and seed: same night, minute for minute; so a night asked for again in the same process
 * is the one already run (`forgetMemos` makes the next run compute it anew).
 */
export function runRegion(config: RegionConfig, options: RegionRunOptions = {}): RegionNight {
  validateRegionConfig(config);
  const key = nightKey(config, options);
  if (key === null) return simulateRegion(config, options);
  let ran = false;
  const night = nights.get(key, () => {
    ran = true;
    return simulateRegion(config, options);
  });
  if (!ran) options.onProgress?.(1, 'nlb');
  return night;
}

/**
 * The night's exact inputs: the config by content, each fix and a reused DNS night by
 * identity (the same Enactor object runs the same way; two objects may not). Null, and no
 * memo, when the config holds something that is not plain data or a fix was not vouched
 * stateless (`declareStateless`): a learner's fix may keep state between nights.
 */
function nightKey(config: RegionConfig, options: RegionRunOptions): string | null {
  const content = contentKey(config);
  if (content === null) return null;
  const { enactor, failoverPolicy, throttle } = options.fixes ?? {};
  const fixes = [enactor, failoverPolicy, throttle].map((fix) => (fix === undefined ? '-' : behaviourKey(fix)));
  if (fixes.includes(null)) return null;
  return `${content}|${fixes.join('|')}|${options.dnsNight === undefined ? '-' : identityKey(options.dnsNight)}|${JSON.stringify(options.streams ?? {})}`;
}

/**
 * The Region's DNS scenario: the DNS model runs all night, so that a repair the Region
 * moves later still happens; the repair, then the automation switched off, at the
 * Region's repair time.
 */
export function regionDnsScenario(config: RegionConfig): Pick<DnsScenario, 'config' | 'untilMs'> {
  const operator = [
    { at: config.operators.dnsRepairAt, action: 'repair-dns' as const },
    { at: config.operators.dnsRepairAt, action: 'disable-automation' as const },
  ];
  return { untilMs: config.endMs, config: { ...config.dns.config, operator } };
}

function simulateRegion(config: RegionConfig, options: RegionRunOptions): RegionNight {
  const fixes = options.fixes ?? {};
  const progress = (stage: RegionStage, fraction: number): void => {
    const [from, to] = STAGE_SHARE[stage];
    options.onProgress?.(from + (to - from) * Math.min(1, Math.max(0, fraction)), stage);
  };

  progress('dns', 0);
  const dns = options.dnsNight ?? runDnsNight(regionDnsScenario(config), {
    seed: streamSeed(config.seed, 'dns', options.streams),
    onProgress: (f) => progress('dns', f),
    ...(fixes.enactor === undefined ? {} : { enactor: fixes.enactor }),
  });

  progress('dynamodb', 0);
  const dynamoErrors = dynamoErrorRates(dns.answers, config.clients, config, stream(config.seed, 'region.clients', options.streams));
  // DWFM's hosts resolve through many caches: its state checks get through once any client's do.
  const dynamoAvailable = (t: number): boolean => (dynamoErrors[Math.floor((t - config.startMs) / MINUTE)] ?? 0) < 1;

  progress('ec2', 0);
  const span = config.endMs - config.startMs;
  const ec2 = runEc2Night(config, {
    dynamoAvailable,
    ...(options.streams === undefined ? {} : { streams: options.streams }),
    onSample: (s) => progress('ec2', (s.time - config.startMs) / span),
    ...(fixes.throttle === undefined ? {} : { throttle: fixes.throttle }),
  });

  progress('nlb', 0);
  const nlb = runNlbFleet(config, ec2.result, fixes.failoverPolicy, options.streams);
  progress('nlb', 1);

  const minutes = assembleMinutes(config, dns, dynamoErrors, ec2.result, nlb);
  return {
    config,
    fixes: fixNames(fixes),
    minutes,
    events: regionEvents(config, dns, ec2.result, nlb),
    dns,
    ec2: ec2.result,
    nlb,
    dwfmOperatorsActed: ec2.operatorsActed,
  };
}

function assembleMinutes(config: RegionConfig, dns: DnsNight, dynamoErrors: Float64Array, ec2: Ec2Result, nlb: NlbFleetNight): RegionMinute[] {
  const answersAt = timelineAuthority(dns.answers);
  const ec2At = new Map<number, Ec2Sample>(ec2.samples.map((s) => [s.time, s]));
  const tiersAt = nlb.tiers.map((t) => ({ count: t.tier.count, at: new Map<number, NlbSample>(t.run.samples.map((s) => [s.time, s])) }));
  const fleet = ec2.config.fleetSize;
  const elevated = ec2.config.networkManager.elevatedLatencyMs;
  const minutes: RegionMinute[] = [];
  dynamoErrors.forEach((dynamoErrorRate, m) => {
    const time = config.startMs + (m + 1) * MINUTE;
    const e = ec2At.get(time);
    if (e === undefined) return;
    let failed = 0;
    let fromFailover = 0;
    let worst = 0;
    let hit = 0;
    let capacity = 1;
    for (const tier of tiersAt) {
      const n = tier.at.get(time);
      if (n === undefined) return;
      failed += tier.count * n.errorRate;
      fromFailover += tier.count * n.errorFromFailover;
      worst = Math.max(worst, n.errorRate);
      if (n.errorRate >= NLB_ERROR_MARK) hit += tier.count;
      capacity = Math.min(capacity, n.minPublishedCapacity);
    }
    minutes.push({
      time,
      dynamoAnswers: answersAt(time).length,
      dynamoErrorRate,
      leasedShare: e.leased / fleet,
      launchFailureRate: 1 - e.launchSuccessRate,
      propagationLatencyMs: e.propagationLatencyMs,
      newInstancesLackNetwork: e.propagationLatencyMs > elevated,
      nlbErrorRate: failed / nlb.loadBalancers,
      nlbErrorFromFailover: fromFailover / nlb.loadBalancers,
      nlbFailedLoadBalancers: failed,
      nlbWorstErrorRate: worst,
      nlbLoadBalancersHit: hit,
      nlbCapacityInDns: capacity,
    });
  });
  return minutes;
}
