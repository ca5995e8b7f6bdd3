import { ConfigError, check } from '../config-error.ts';
import { SECOND } from '../sim/clock.ts';

export const AZS = ['az1', 'az2', 'az3'] as const;
export type Az = (typeof AZS)[number];

export const REGIONAL_ENDPOINT = 'dynamodb.us-east-1.amazonaws.com';
/** The dual-stack twin, served from the same regional plan entry. */
export const IPV6_ENDPOINT = 'dynamodb.us-east-1.api.aws';

export interface Endpoint {
  readonly name: string;
  readonly type: 'A' | 'AAAA';
  /** Which plan entry it is built from. */
  readonly planKey: string;
}

/** A scheduled interference with one Enactor (TigerBeetle-style named fault points). */
export type Fault =
  /**
   * `enactor.lock`: from `from` until `until` each of the Enactor's lock acquisitions fails
   * with probability `chance` (1 when left out: every one fails), on every endpoint, or
   * only on the ones listed, or on a `share` of the endpoints it visits (which ones is
   * drawn from the seed, per plan and endpoint). The Enactor backs off and retries, as AWS
   * described ("needing to retry its update on several of the DNS endpoints").
   */
  | {
      readonly point: 'enactor.lock';
      readonly enactor: Az;
      readonly from: number;
      readonly until: number;
      readonly endpoints?: readonly string[];
      readonly chance?: number;
      readonly share?: number;
    }
  /**
   * `enactor.api-latency`: every Route 53 call of the Enactor takes about `latencyMs` in
   * the window (spread by `latencyJitter`, like ordinary calls).
   */
  | { readonly point: 'enactor.api-latency'; readonly enactor: Az; readonly from: number; readonly until: number; readonly latencyMs: number }
  /** `planner.empty-plan`: the Planner publishes generation `generation` with no targets for `planKey`. */
  | { readonly point: 'planner.empty-plan'; readonly generation: number; readonly planKey: string };

/**
 * What the operators did at 02:25 (brief): restore the endpoints' records by hand
 * (`repair-dns`), and switch the Planner and Enactor automation off, which AWS did
 * worldwide "until the race is fixed" (`disable-automation`).
 */
export interface OperatorAction {
  readonly at: number;
  readonly action: OperatorActionName;
}

export const OPERATOR_ACTIONS = ['repair-dns', 'disable-automation'] as const;
export type OperatorActionName = (typeof OPERATOR_ACTIONS)[number];

export interface DnsConfig {
  /** Simulated ms at which the run starts. */
  readonly startMs: number;
  /** Which Enactors run (one per AZ). */
  readonly enactors: readonly Az[];
  readonly endpoints: readonly Endpoint[];
  /** Load balancers in the fleet, and how many serve each plan entry. */
  readonly loadBalancers: number;
  readonly lbsPerEndpoint: number;
  /** Chance that a load balancer is unhealthy in a given plan. */
  readonly lbUnhealthyChance: number;
  /** Generation of the plan already applied when the run starts. */
  readonly firstGeneration: number;
  /** The Planner publishes a plan every period, until `plannerStopMs` or `maxPlans`. */
  readonly plannerPeriodMs: number;
  readonly plannerStopMs: number;
  readonly maxPlans: number;
  /** How often an idle Enactor looks for a new plan. */
  readonly enactorPollMs: number;
  /** Route 53 call latency and its spread (±fraction). */
  readonly apiLatencyMs: number;
  readonly latencyJitter: number;
  readonly lockTtlMs: number;
  /** Back-off after a lock failure: base × 2^(attempt-1), capped. */
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** Clean-up deletes plans older than (applied generation − threshold). */
  readonly cleanupThreshold: number;
  readonly faults: readonly Fault[];
  readonly operator: readonly OperatorAction[];
}

/** Validates a configuration where it enters the model: one clear error naming the field. */
export function validateDnsConfig(config: DnsConfig): DnsConfig {
  check.finiteAtLeast('startMs', config.startMs, 0, ' ms');
  if (!Array.isArray(config.enactors) || config.enactors.length === 0) {
    throw new ConfigError('enactors', 'no Enactors: nothing would ever apply a plan', `one to three of ${AZS.join(', ')}`);
  }
  const seen = new Set<string>();
  config.enactors.forEach((az, i) => {
    check.oneOf(`enactors[${i}]`, az, AZS);
    if (seen.has(az)) throw new ConfigError(`enactors[${i}]`, `${az} appears twice`, 'one Enactor per AZ');
    seen.add(az);
  });
  if (!Array.isArray(config.endpoints) || config.endpoints.length === 0) {
    throw new ConfigError('endpoints', 'no endpoints', `at least ${REGIONAL_ENDPOINT}`);
  }
  if (!config.endpoints.some((e) => e.name === REGIONAL_ENDPOINT)) {
    throw new ConfigError('endpoints', `${REGIONAL_ENDPOINT} is missing`, 'a list that includes the regional endpoint');
  }
  check.integerAtLeast('loadBalancers', config.loadBalancers, 1);
  check.integerAtLeast('lbsPerEndpoint', config.lbsPerEndpoint, 1);
  if (config.lbsPerEndpoint > config.loadBalancers) {
    throw new ConfigError('lbsPerEndpoint', `${config.lbsPerEndpoint} is more than the ${config.loadBalancers} load balancers`, `1 to ${config.loadBalancers}`);
  }
  check.finiteAtLeast('lbUnhealthyChance', config.lbUnhealthyChance, 0);
  if (config.lbUnhealthyChance >= 1) throw new ConfigError('lbUnhealthyChance', `${config.lbUnhealthyChance} would make every load balancer unhealthy`, 'a probability in [0, 1)');
  check.integerAtLeast('firstGeneration', config.firstGeneration, 1);
  check.finiteAtLeast('plannerPeriodMs', config.plannerPeriodMs, 0, ' ms');
  check.atLeastOrNever('plannerStopMs', config.plannerStopMs, 0, ' ms');
  check.integerAtLeast('maxPlans', config.maxPlans, 0);
  check.finiteAtLeast('enactorPollMs', config.enactorPollMs, 0, ' ms');
  check.finiteAtLeast('apiLatencyMs', config.apiLatencyMs, 0, ' ms');
  check.finiteAtLeast('latencyJitter', config.latencyJitter, 0);
  if (config.latencyJitter > 1) throw new ConfigError('latencyJitter', `${config.latencyJitter} is more than 1`, 'a fraction in [0, 1]');
  check.finiteAtLeast('lockTtlMs', config.lockTtlMs, 0, ' ms');
  check.finiteAtLeast('backoffBaseMs', config.backoffBaseMs, 0, ' ms');
  check.finiteAtLeast('backoffCapMs', config.backoffCapMs, config.backoffBaseMs, ' ms');
  check.integerAtLeast('cleanupThreshold', config.cleanupThreshold, 1);
  config.faults.forEach((f, i) => validateFault(f, i, config));
  config.operator.forEach((o, i) => {
    check.finiteAtLeast(`operator[${i}].at`, o.at, 0, ' ms');
    check.oneOf(`operator[${i}].action`, o.action, OPERATOR_ACTIONS);
  });
  return config;
}

function validateFault(f: Fault, i: number, config: DnsConfig): void {
  const field = `faults[${i}]`;
  check.oneOf(`${field}.point`, f.point, ['enactor.lock', 'enactor.api-latency', 'planner.empty-plan']);
  if (f.point === 'planner.empty-plan') {
    check.integerAtLeast(`${field}.generation`, f.generation, 1);
    const keys = [...new Set(config.endpoints.map((e) => e.planKey))];
    check.oneOf(`${field}.planKey`, f.planKey, keys);
    return;
  }
  check.oneOf(`${field}.enactor`, f.enactor, config.enactors);
  check.finiteAtLeast(`${field}.from`, f.from, 0, ' ms');
  check.finiteAtLeast(`${field}.until`, f.until, f.from, ' ms');
  if (f.point === 'enactor.api-latency') check.finiteAtLeast(`${field}.latencyMs`, f.latencyMs, 0, ' ms');
  if (f.point === 'enactor.lock') {
    for (const key of ['chance', 'share'] as const) {
      const value = f[key];
      if (value === undefined) continue;
      check.finiteAtLeast(`${field}.${key}`, value, 0);
      if (value > 1) throw new ConfigError(`${field}.${key}`, `${value} is more than 1`, 'a probability in [0, 1]');
    }
  }
  if (f.point === 'enactor.lock' && f.endpoints !== undefined) {
    const names = config.endpoints.map((e) => e.name);
    f.endpoints.forEach((name, j) => check.oneOf(`${field}.endpoints[${j}]`, name, names));
  }
}

/**
 * The regional endpoint, its IPv6 twin, and `others` further endpoints (FIPS, streams,
 * account-based, …), in the order the Enactors walk them. The regional pair comes first
 * unless `regionalAt` says how many of the others come before it.
 */
export function regionEndpoints(others: number, regionalAt = 0): Endpoint[] {
  const regional: Endpoint[] = [
    { name: REGIONAL_ENDPOINT, type: 'A', planKey: 'regional' },
    { name: IPV6_ENDPOINT, type: 'AAAA', planKey: 'regional' },
  ];
  const kinds = ['dynamodb-fips.us-east-1.amazonaws.com', 'streams.dynamodb.us-east-1.amazonaws.com'];
  const rest: Endpoint[] = [];
  for (let i = 0; i < others; i++) {
    const name = kinds[i] ?? `${String(100000000000 + i * 7919).slice(0, 12)}.ddb.us-east-1.amazonaws.com`;
    rest.push({ name, type: 'A', planKey: name });
  }
  const at = Math.max(0, Math.min(others, Math.floor(regionalAt)));
  return [...rest.slice(0, at), ...regional, ...rest.slice(at)];
}

export const DEFAULT_DNS_CONFIG: DnsConfig = {
  startMs: 0,
  enactors: AZS,
  endpoints: regionEndpoints(4),
  loadBalancers: 24,
  lbsPerEndpoint: 4,
  lbUnhealthyChance: 0.05,
  firstGeneration: 100,
  plannerPeriodMs: 60 * SECOND,
  plannerStopMs: Infinity,
  maxPlans: 1_000_000,
  enactorPollMs: 1 * SECOND,
  apiLatencyMs: 40,
  latencyJitter: 0.25,
  lockTtlMs: 500,
  backoffBaseMs: 100,
  backoffCapMs: 4 * SECOND,
  cleanupThreshold: 10,
  faults: [],
  operator: [],
};
