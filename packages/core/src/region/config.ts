import { ConfigError, check } from '../config-error.ts';
import { validateDnsConfig } from '../dns/config.ts';
import { validateResolverTtl } from '../dns/resolver.ts';
import { validateEc2Config, type Ec2Config } from '../ec2/config.ts';
import { validateNlbScenario, type NlbScenario } from '../nlb/config.ts';
import { MINUTE } from '../sim/clock.ts';
import type { DnsScenario } from '../dns/scenario.ts';

/** The Region's DynamoDB clients: each sends requests now and then and resolves the regional endpoint through its own cache. */
export interface DynamoClientsConfig {
  /** Clients in the model; each is one resolver cache with its own stream of requests. */
  readonly count: number;
  /** Mean time between two requests of one client (the gaps are exponential). */
  readonly requestGapMs: number;
  /** How long a client keeps an answer with addresses. */
  readonly answerTtlMs: number;
  /** How long a client keeps an empty answer. */
  readonly negativeTtlMs: number;
}

/** What the operators did, and when. The Region writes these times into each model. */
export interface RegionOperators {
  /** DNS records restored by hand (brief: 02:25). */
  readonly dnsRepairAt: number;
  /** DWFM's incoming work throttled, some hosts restarted, launch requests throttled (brief: 04:14). */
  readonly dwfmThrottleAt: number;
  /** EC2's launch request throttle relaxed (brief: 11:23). */
  readonly launchThrottleRelaxedAt: number;
  /** NLB's automatic health-check AZ failover switched off (brief: 09:36) and on again (14:09). */
  readonly nlbFailoverOffAt: number;
  readonly nlbFailoverOnAt: number;
  /**
   * Temporary mitigations let some internal services reach DynamoDB (brief: 01:15). Only
   * the dependent services that AWS says recovered then (STS, IAM sign-in) use it; the
   * four models ignore it, since the brief does not say DWFM was one of them.
   */
  readonly internalMitigationAt?: number;
}

/**
 * One Region for one night: the DNS model decides what DynamoDB's regional endpoint
 * answers; the clients' caches turn that into DynamoDB's availability; DWFM's leases
 * depend on it; launches feed Network Manager; its propagation delay and the launches
 * drive the NLB's health checks.
 */
export interface RegionConfig {
  readonly name: string;
  /**
   * The night's one seed. The DNS model draws from it; every other model and component
   * from a stream derived from it by name (`streams.ts`).
   */
  readonly seed: number;
  readonly startMs: number;
  readonly endMs: number;
  /**
   * It runs from its own start (at or before the Region's) to the Region's end; its operator
   * list is replaced by `operators.dnsRepairAt`. A scenario's own seed is not read: the
   * night's `seed` is the only one.
   */
  readonly dns: Omit<DnsScenario, 'seed'>;
  readonly clients: DynamoClientsConfig;
  /** Its operators' times come from `operators`; its outage list is ignored (DynamoDB's availability comes from the clients). */
  readonly ec2: Ec2Config;
  /** Its launches, propagation delay and failover switch come from the Region. */
  readonly nlb: NlbScenario;
  /** The Region's load balancers, grouped by how many new instances their targets get. */
  readonly nlbFleet: NlbFleetConfig;
  readonly operators: RegionOperators;
}

/**
 * Many load balancers, few of them hit: AWS says "some" load balancers saw connection
 * errors. Every load balancer is `nlb` (the same node, target and health-check figures);
 * they differ in how many of EC2's new instances land behind them.
 */
export interface NlbFleetConfig {
  /** The Region's load balancers in the model, the tiers' included. */
  readonly loadBalancers: number;
  readonly tiers: readonly NlbTier[];
}

/** Load balancers whose targets are replaced at the same rate. */
export interface NlbTier {
  readonly name: string;
  readonly count: number;
  /**
   * Launches per AZ per hour into each of these load balancers' targets for each launch
   * per droplet-hour that EC2 accepts in the Region. Per droplet, so the tier sees the same
   * morning at any fleet size.
   */
  readonly launchScale: number;
}

/** Checks a Region where it enters: one ConfigError naming the field (`ec2.fleetSize`, `operators.dwfmThrottleAt`). */
export function validateRegionConfig(config: RegionConfig): RegionConfig {
  if (typeof config !== 'object' || config === null) throw new ConfigError('region', 'is not an object', 'a RegionConfig');
  check.name('name', config.name);
  check.integerAtLeast('seed', config.seed, 0);
  check.finiteAtLeast('startMs', config.startMs, 0, ' ms');
  check.finiteAtLeast('endMs', config.endMs, config.startMs + 1, ' ms');
  const clients = config.clients;
  check.object('clients', clients);
  check.integerAtLeast('clients.count', clients.count, 1);
  if (clients.count > 100_000) throw new ConfigError('clients.count', `${clients.count} clients is too many`, '1 to 100000');
  check.finiteAtLeast('clients.requestGapMs', clients.requestGapMs, 1, ' ms');
  prefixed('clients', () => validateResolverTtl(clients));
  validateNlbFleet(config.nlbFleet);
  const ops = config.operators;
  check.object('operators', ops);
  for (const field of ['dnsRepairAt', 'dwfmThrottleAt', 'launchThrottleRelaxedAt', 'nlbFailoverOffAt', 'nlbFailoverOnAt'] as const) {
    check.finiteAtLeast(`operators.${field}`, ops[field], config.startMs, ' ms');
  }
  if (ops.internalMitigationAt !== undefined) check.finiteAtLeast('operators.internalMitigationAt', ops.internalMitigationAt, config.startMs, ' ms');
  check.finiteAtLeast('operators.launchThrottleRelaxedAt', ops.launchThrottleRelaxedAt, ops.dwfmThrottleAt, ' ms');
  check.finiteAtLeast('operators.nlbFailoverOnAt', ops.nlbFailoverOnAt, ops.nlbFailoverOffAt, ' ms');
  if (typeof config.dns !== 'object' || config.dns === null) throw new ConfigError('dns', 'is missing', 'a DnsScenario such as october2025');
  prefixed('dns.config', () => validateDnsConfig(config.dns.config));
  if (config.dns.config.startMs > config.startMs) {
    throw new ConfigError('dns.config.startMs', `starts after the Region (${config.dns.config.startMs} ms > ${config.startMs} ms)`, 'a time at or before startMs: DynamoDB needs an answer from the first minute');
  }
  prefixed('ec2', () => validateEc2Config(config.ec2));
  prefixed('nlb', () => validateNlbScenario(config.nlb));
  // The Region lines the models up minute by minute.
  if (config.ec2.sampleMs !== MINUTE) throw new ConfigError('ec2.sampleMs', `is ${config.ec2.sampleMs} ms`, `${MINUTE} ms: the Region reads one sample a minute`);
  if (config.nlb.sampleEveryMs !== MINUTE) throw new ConfigError('nlb.sampleEveryMs', `is ${config.nlb.sampleEveryMs} ms`, `${MINUTE} ms: the Region reads one sample a minute`);
  return config;
}

function validateNlbFleet(fleet: NlbFleetConfig): void {
  check.object('nlbFleet', fleet);
  check.integerAtLeast('nlbFleet.loadBalancers', fleet.loadBalancers, 1);
  let counted = 0;
  check.objects('nlbFleet.tiers', fleet.tiers).forEach((tier: NlbTier, i) => {
    check.name(`nlbFleet.tiers[${i}].name`, tier.name);
    if (fleet.tiers.findIndex((t) => t.name === tier.name) !== i) throw new ConfigError(`nlbFleet.tiers[${i}].name`, `"${tier.name}" is used twice`, 'a name per tier');
    check.integerAtLeast(`nlbFleet.tiers[${i}].count`, tier.count, 1);
    check.finiteAtLeast(`nlbFleet.tiers[${i}].launchScale`, tier.launchScale, 0);
    counted += tier.count;
  });
  if (counted > fleet.loadBalancers) {
    throw new ConfigError('nlbFleet.tiers', `count ${counted} load balancers, more than nlbFleet.loadBalancers (${fleet.loadBalancers})`, 'tiers that fit in the fleet');
  }
}

/** Runs a model's own validator and names the field as the Region knows it. */
function prefixed(prefix: string, validate: () => unknown): void {
  try {
    validate();
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${prefix}.${error.field}`, error.problem, error.valid);
    throw error;
  }
}
