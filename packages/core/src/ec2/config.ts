import { check, ConfigError } from '../config-error.ts';

/** A span of simulated time, ms since 19 Oct 00:00 PDT; `fromMs` included, `toMs` not. */
export interface TimeSpan {
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * Everything the EC2 model needs to run one night. Rates are per droplet, so a scenario
 * keeps its shape (and its calibration) at any fleet size. `october-2025.ts` documents
 * each value of the calibrated scenario and where it came from.
 */
export interface Ec2Config {
  readonly name: string;
  /** Droplets in the Region's fleet. */
  readonly fleetSize: number;
  readonly startMs: number;
  readonly endMs: number;
  /** The model's time step; every rate is applied once per tick. */
  readonly tickMs: number;
  /** Metric sampling period; a whole multiple of the tick. */
  readonly sampleMs: number;
  /** When DynamoDB's regional endpoint could not be reached, unless the run supplies a timeline. */
  readonly dynamoOutages: readonly TimeSpan[];
  readonly lease: {
    /** How often a droplet's state check renews its lease. */
    readonly checkIntervalMs: number;
    /** Lease lifetimes spread evenly from min to max over `ttlClasses` groups of droplets. */
    readonly ttlMinMs: number;
    readonly ttlMaxMs: number;
    readonly ttlClasses: number;
  };
  readonly dwfm: {
    /** DWFM's capacity for re-establishing leases, per droplet of the fleet. */
    readonly leasesPerDropletHour: number;
    /** How long one lease attempt may take, from queueing to done, before it is wasted. */
    readonly attemptTimeoutMs: number;
    /** The attempt's own work once a host takes it. */
    readonly serviceMs: number;
  };
  readonly networkManager: {
    readonly propagationsPerDropletHour: number;
    /** Latency of a propagation that does not wait at all. */
    readonly baseLatencyMs: number;
    /** How long a launch caller waits for the instance's network state. */
    readonly timeoutMs: number;
    /** Latency above which propagation counts as delayed (the phase boundaries 06:21 and 10:36). */
    readonly elevatedLatencyMs: number;
  };
  readonly launches: {
    readonly perDropletHour: number;
    /** How often a caller whose launch failed tries again. */
    readonly retryMs: number;
  };
  readonly operators: {
    /** Throttle DWFM and restart hosts (04:14). */
    readonly actAtMs: number;
    /** The manual queue cap, as a share of what DWFM drains within one attempt timeout. */
    readonly dwfmQueueLimitFraction: number;
    /** Share of DWFM's waiting work lost with the restarted hosts. */
    readonly restartDiscardFraction: number;
    /** EC2's launch request throttle from `actAtMs`, per droplet. */
    readonly launchRequestsPerDropletHour: number;
    /** Request throttle relaxed (11:23). */
    readonly relaxLaunchThrottleAtMs: number;
  };
}

/** Up to ten million droplets; the aggregate model's cost does not depend on the count. */
export const MAX_FLEET = 10_000_000;
/** Keeps ring buffers (ticks per lease lifetime) and run length (ticks) within memory and time. */
const MAX_TICKS_PER_LEASE = 100_000;
const MAX_TICKS_PER_RUN = 2_000_000;

/** Checks a configuration where it enters; throws one ConfigError naming the first bad field. */
export function validateEc2Config(config: Ec2Config): Ec2Config {
  const c = check.object('config', config);
  check.name('name', c.name);
  const fleet = check.integerAtLeast('fleetSize', c.fleetSize, 1);
  if (fleet > MAX_FLEET) throw new ConfigError('fleetSize', `${fleet} droplets is too many`, `1 to ${MAX_FLEET}`);
  const start = check.finite('startMs', c.startMs);
  const end = check.finite('endMs', c.endMs);
  if (end <= start) throw new ConfigError('endMs', `${end} is not after startMs ${start}`, 'a time after startMs');
  const tick = check.finiteAtLeast('tickMs', c.tickMs, 1, ' ms');
  const sample = check.finiteAtLeast('sampleMs', c.sampleMs, tick, ' ms');
  if (sample % tick !== 0) throw new ConfigError('sampleMs', `${sample} ms is not a whole number of ticks of ${tick} ms`, 'a multiple of tickMs');
  if ((end - start) / tick > MAX_TICKS_PER_RUN) {
    throw new ConfigError('tickMs', `${tick} ms makes ${Math.ceil((end - start) / tick)} ticks for this run`, `at most ${MAX_TICKS_PER_RUN} ticks from startMs to endMs`);
  }
  if (!Array.isArray(c.dynamoOutages)) throw new ConfigError('dynamoOutages', 'is not a list', 'a list of { fromMs, toMs }');
  (c.dynamoOutages as readonly unknown[]).forEach((span, i) => {
    const s = check.object(`dynamoOutages[${i}]`, span);
    const from = check.finite(`dynamoOutages[${i}].fromMs`, s.fromMs);
    const to = check.finite(`dynamoOutages[${i}].toMs`, s.toMs);
    if (to <= from) throw new ConfigError(`dynamoOutages[${i}].toMs`, `${to} is not after fromMs ${from}`, 'a time after fromMs');
  });

  const lease = check.object('lease', c.lease);
  const checkEvery = check.finiteAtLeast('lease.checkIntervalMs', lease.checkIntervalMs, tick, ' ms');
  const ttlMin = check.finiteAtLeast('lease.ttlMinMs', lease.ttlMinMs, 0, ' ms');
  if (ttlMin <= checkEvery) {
    throw new ConfigError('lease.ttlMinMs', `${ttlMin} ms is not longer than the state-check interval ${checkEvery} ms, so leases would lapse with DynamoDB up`, `more than lease.checkIntervalMs`);
  }
  const ttlMax = check.finiteAtLeast('lease.ttlMaxMs', lease.ttlMaxMs, ttlMin, ' ms');
  if (ttlMax / tick > MAX_TICKS_PER_LEASE) {
    throw new ConfigError('lease.ttlMaxMs', `${ttlMax} ms is ${Math.ceil(ttlMax / tick)} ticks of ${tick} ms`, `at most ${MAX_TICKS_PER_LEASE} ticks (raise tickMs)`);
  }
  const classes = check.integerAtLeast('lease.ttlClasses', lease.ttlClasses, 1);
  if (classes > 256) throw new ConfigError('lease.ttlClasses', `${classes} is too many`, '1 to 256');

  const dwfm = check.object('dwfm', c.dwfm);
  check.positive('dwfm.leasesPerDropletHour', dwfm.leasesPerDropletHour);
  const timeout = check.finiteAtLeast('dwfm.attemptTimeoutMs', dwfm.attemptTimeoutMs, tick, ' ms');
  const service = check.finiteAtLeast('dwfm.serviceMs', dwfm.serviceMs, 0, ' ms');
  if (service >= timeout) {
    throw new ConfigError('dwfm.serviceMs', `${service} ms leaves no time within the ${timeout} ms attempt timeout`, 'less than dwfm.attemptTimeoutMs');
  }

  const nm = check.object('networkManager', c.networkManager);
  check.positive('networkManager.propagationsPerDropletHour', nm.propagationsPerDropletHour);
  const base = check.finiteAtLeast('networkManager.baseLatencyMs', nm.baseLatencyMs, 0, ' ms');
  check.finiteAtLeast('networkManager.timeoutMs', nm.timeoutMs, tick, ' ms');
  check.finiteAtLeast('networkManager.elevatedLatencyMs', nm.elevatedLatencyMs, base, ' ms');

  const launches = check.object('launches', c.launches);
  check.finiteAtLeast('launches.perDropletHour', launches.perDropletHour, 0);
  check.finiteAtLeast('launches.retryMs', launches.retryMs, tick, ' ms');

  const ops = check.object('operators', c.operators);
  const act = check.finite('operators.actAtMs', ops.actAtMs);
  check.fraction('operators.dwfmQueueLimitFraction', ops.dwfmQueueLimitFraction);
  check.fraction('operators.restartDiscardFraction', ops.restartDiscardFraction);
  check.positive('operators.launchRequestsPerDropletHour', ops.launchRequestsPerDropletHour);
  const relax = check.finite('operators.relaxLaunchThrottleAtMs', ops.relaxLaunchThrottleAtMs);
  if (relax < act) throw new ConfigError('operators.relaxLaunchThrottleAtMs', `${relax} is before operators.actAtMs`, 'a time at or after operators.actAtMs');
  return config;
}
