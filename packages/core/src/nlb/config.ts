import { ConfigError, check } from '../config-error.ts';

/**
 * One NLB scenario: the load balancer, its targets, its health checks and automatic AZ
 * DNS failover, the network-state propagation backlog, the clients, and what happens when.
 * Times are ms since 19 Oct 00:00 PDT (the shared clock, sim/clock.ts).
 */
export interface NlbScenario {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
  /** One NLB node per AZ; each node's address is one answer in the NLB's DNS name. */
  readonly azs: readonly string[];
  /** Registered targets (EC2 instances) in each AZ. */
  readonly targetsPerAz: number;
  readonly healthCheck: HealthCheckConfig;
  readonly failover: FailoverConfig;
  readonly network: NetworkConfig;
  readonly clients: ClientConfig;
  /** AZs whose every target dies at a given time (a genuine failure, for comparison). */
  readonly failures: readonly AzFailure[];
  /** One metrics sample per this many ms. */
  readonly sampleEveryMs: number;
}

export interface HealthCheckConfig {
  /** Each target is checked once per interval (NLB offers 10 s or 30 s). Whole seconds. */
  readonly intervalMs: number;
  /** A check with no answer within this time is a failure. */
  readonly timeoutMs: number;
  /** Consecutive passes that bring a target into service. */
  readonly healthyThreshold: number;
  /** Consecutive failures that take it out. */
  readonly unhealthyThreshold: number;
  /** How long a checker is busy with a check that gets an answer. */
  readonly answeredCheckMs: number;
  /**
   * Checks each AZ's share of the health-check fleet can run at once. Per AZ because AWS
   * builds zonal services (the summary does not say how the subsystem is divided); it
   * also keeps a dead AZ's unanswered checks from slowing the checks of the others.
   */
  readonly checkersPerAz: number;
  /**
   * Whether every withdrawal or restore of an AZ re-checks all of that AZ's targets. The
   * model's hypothesis, not AWS's account: AWS's summary says the alternating check
   * results loaded the subsystem, and does not say that failover re-checked anything.
   */
  readonly recheckOnDnsChange: boolean;
}

export interface FailoverConfig {
  /** An AZ whose fraction of healthy targets falls below this is failed away in DNS. */
  readonly threshold: number;
  /** How often automatic failover looks at AZ health. */
  readonly evaluateEveryMs: number;
  /** Periods when operators had switched automatic failover off (every node stays in DNS). */
  readonly disabled: readonly TimeRange[];
}

export interface NetworkConfig {
  /** New instances registered per AZ per hour, each replacing one old target; a step function. */
  readonly launchesPerAzPerHour: readonly RateStep[];
  /**
   * How long a new instance waits for its network state, by launch time: linear between
   * points, flat outside them. The EC2 model can supply this instead (run option).
   */
  readonly propagationDelay: readonly DelayPoint[];
  /** Chance that one check of an instance whose state is still propagating gets an answer. */
  readonly unpropagatedAnswerChance: number;
}

export interface ClientConfig {
  /** Clients keep a DNS answer this long before asking again. */
  readonly dnsTtlMs: number;
  /** Offered load as a fraction of what all targets together can serve. */
  readonly utilisation: number;
}

export interface AzFailure {
  readonly az: string;
  readonly at: number;
}

export interface TimeRange {
  readonly from: number;
  readonly until: number;
}

export interface RateStep {
  readonly from: number;
  readonly perHour: number;
}

export interface DelayPoint {
  readonly at: number;
  readonly delayMs: number;
}

/** The simulation advances in one-second ticks: checks are scheduled to the second. */
export const NLB_TICK_MS = 1000;

/** Checks a scenario where it enters the model, so a mistake names its field. */
export function validateNlbScenario(scenario: NlbScenario): NlbScenario {
  const s = scenario;
  if (typeof s !== 'object' || s === null) throw new ConfigError('scenario', 'is not an object', 'an NlbScenario');
  check.name('name', s.name);
  check.finiteAtLeast('startMs', s.startMs, 0, ' ms');
  check.finiteAtLeast('endMs', s.endMs, s.startMs, ' ms');
  if (!Array.isArray(s.azs) || s.azs.length < 2 || s.azs.length > 6) {
    throw new ConfigError('azs', `${describeList(s.azs)} has the wrong number of AZs`, 'a list of 2 to 6 AZ names');
  }
  s.azs.forEach((az, i) => {
    if (typeof az !== 'string' || az === '') throw new ConfigError(`azs[${i}]`, 'is not an AZ name', 'a non-empty string');
    if (s.azs.indexOf(az) !== i) throw new ConfigError(`azs[${i}]`, `"${az}" is listed twice`, 'each AZ once');
  });
  check.integerAtLeast('targetsPerAz', s.targetsPerAz, 1);
  validateHealthCheck(s.healthCheck);
  validateFailover(s.failover);
  validateNetwork(s.network);
  check.object('clients', s.clients);
  check.finiteAtLeast('clients.dnsTtlMs', s.clients.dnsTtlMs, 0, ' ms');
  check.finiteAtLeast('clients.utilisation', s.clients.utilisation, 0);
  check.objects('failures', s.failures).forEach((f: AzFailure, i) => {
    if (!s.azs.includes(f.az)) throw new ConfigError(`failures[${i}].az`, `"${String(f.az)}" is not one of the NLB's AZs`, s.azs.join(', '));
    check.finiteAtLeast(`failures[${i}].at`, f.at, 0, ' ms');
  });
  check.finiteAtLeast('sampleEveryMs', s.sampleEveryMs, NLB_TICK_MS, ' ms');
  return s;
}

function validateHealthCheck(h: HealthCheckConfig): void {
  check.object('healthCheck', h);
  wholeSeconds('healthCheck.intervalMs', h.intervalMs);
  check.finiteAtLeast('healthCheck.timeoutMs', h.timeoutMs, 1, ' ms');
  check.integerAtLeast('healthCheck.healthyThreshold', h.healthyThreshold, 1);
  check.integerAtLeast('healthCheck.unhealthyThreshold', h.unhealthyThreshold, 1);
  if (h.healthyThreshold > 255 || h.unhealthyThreshold > 255) {
    throw new ConfigError('healthCheck thresholds', 'above 255', 'whole numbers from 1 to 255 (NLB allows 2 to 10)');
  }
  check.finiteAtLeast('healthCheck.answeredCheckMs', h.answeredCheckMs, 0, ' ms');
  if (h.answeredCheckMs >= h.timeoutMs) {
    throw new ConfigError('healthCheck.answeredCheckMs', `${h.answeredCheckMs} ms is not shorter than the timeout`, `less than healthCheck.timeoutMs (${h.timeoutMs} ms)`);
  }
  check.finiteAtLeast('healthCheck.checkersPerAz', h.checkersPerAz, 1);
  if (typeof h.recheckOnDnsChange !== 'boolean') {
    throw new ConfigError('healthCheck.recheckOnDnsChange', `${String(h.recheckOnDnsChange)} is not true or false`, 'true or false');
  }
}

function validateFailover(f: FailoverConfig): void {
  check.object('failover', f);
  check.fraction('failover.threshold', f.threshold);
  wholeSeconds('failover.evaluateEveryMs', f.evaluateEveryMs);
  check.objects('failover.disabled', f.disabled).forEach((r: TimeRange, i) => {
    check.finiteAtLeast(`failover.disabled[${i}].from`, r.from, 0, ' ms');
    check.finiteAtLeast(`failover.disabled[${i}].until`, r.until, r.from, ' ms');
  });
}

function validateNetwork(n: NetworkConfig): void {
  check.object('network', n);
  let previous = -Infinity;
  check.objects('network.launchesPerAzPerHour', n.launchesPerAzPerHour).forEach((step: RateStep, i) => {
    check.finiteAtLeast(`network.launchesPerAzPerHour[${i}].from`, step.from, Math.max(0, previous), ' ms');
    check.finiteAtLeast(`network.launchesPerAzPerHour[${i}].perHour`, step.perHour, 0);
    previous = step.from;
  });
  previous = -Infinity;
  check.objects('network.propagationDelay', n.propagationDelay).forEach((point: DelayPoint, i) => {
    check.finiteAtLeast(`network.propagationDelay[${i}].at`, point.at, Math.max(0, previous), ' ms');
    check.finiteAtLeast(`network.propagationDelay[${i}].delayMs`, point.delayMs, 0, ' ms');
    previous = point.at;
  });
  check.fraction('network.unpropagatedAnswerChance', n.unpropagatedAnswerChance);
}

function wholeSeconds(field: string, value: unknown): void {
  check.finiteAtLeast(field, value, NLB_TICK_MS, ' ms');
  if ((value as number) % NLB_TICK_MS !== 0) {
    throw new ConfigError(field, `${String(value)} ms is not a whole number of seconds`, 'a multiple of 1000 ms');
  }
}

function describeList(value: unknown): string {
  return Array.isArray(value) ? `a list of ${value.length}` : String(value);
}
