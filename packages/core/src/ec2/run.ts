import { ConfigError } from '../config-error.ts';
import { formatHourMinute } from '../sim/clock.ts';
import { Kernel } from '../sim/kernel.ts';
import { stream, type StreamOverrides } from '../streams.ts';
import { validateEc2Config, type Ec2Config } from './config.ts';
import { Dwfm } from './dwfm.ts';
import { NetworkManager } from './network-manager.ts';
import { detectEc2Phases, type Ec2Phases } from './phases.ts';
import type { Ec2Sample } from './sample.ts';
import { queueLimitThrottle, type Throttle } from './throttle.ts';

export interface Ec2RunOptions {
  readonly seed?: number;
  /** Seeds that replace DWFM's or Network Manager's derived stream (`ec2.dwfm`, `ec2.network-manager`). */
  readonly streams?: StreamOverrides;
  /** Replaces "admit everything" in both queues, or in one. */
  readonly throttle?: Throttle | { readonly dwfm?: Throttle; readonly networkManager?: Throttle };
  /** When the throttle goes in (default: from the start). Before it, admit everything. */
  readonly throttleFromMs?: number;
  /** Whether the operators act at 04:14 and 11:23 (default true). Their DWFM throttle replaces any other. */
  readonly operators?: boolean;
  /** DynamoDB's availability over time, e.g. from the DNS model; default: the config's outages. */
  readonly dynamoAvailable?: (timeMs: number) => boolean;
  /** Called with each sample as it is taken (its connectivityDelayMs is filled in when the run ends). */
  readonly onSample?: (sample: Ec2Sample) => void;
}

export interface Ec2Event {
  readonly time: number;
  readonly text: string;
}

export interface Ec2Result {
  readonly config: Ec2Config;
  readonly seed: number;
  readonly dwfmCapacityPerSecond: number;
  readonly propagationsPerSecond: number;
  readonly samples: readonly Ec2Sample[];
  readonly phases: Ec2Phases;
  readonly events: readonly Ec2Event[];
}

type MutableSample = { -readonly [K in keyof Ec2Sample]: Ec2Sample[K] };

/**
 * Runs the EC2 model for one night: DWFM's leases and queue, launches and Network Manager,
 * DynamoDB's availability and the operators' actions, on one kernel and one seed.
 * Deterministic: the same config, options and seed give the same samples.
 */
export function runEc2Scenario(config: Ec2Config, options: Ec2RunOptions = {}): Ec2Result {
  const cfg = validateEc2Config(config);
  const seed = options.seed ?? 1;
  check(Number.isInteger(seed), 'seed', `${String(seed)} is not a whole number`, 'an integer');
  const dynamoAvailable = options.dynamoAvailable ?? ((t: number) => !cfg.dynamoOutages.some((o) => t >= o.fromMs && t < o.toMs));
  check(typeof dynamoAvailable === 'function', 'dynamoAvailable', 'is not a function', '(timeMs) => boolean');
  const { dwfm: dwfmThrottle, networkManager: nmThrottle } = splitThrottle(options.throttle);

  const kernel = new Kernel(seed, cfg.startMs);
  // Each queue draws from its own stream, so changing one queue's throttle leaves the other's randomness alone.
  const dwfm = new Dwfm(cfg, stream(seed, 'ec2.dwfm', options.streams), 0);
  const network = new NetworkManager(cfg, stream(seed, 'ec2.network-manager', options.streams));
  const events: Ec2Event[] = [];
  const log = (time: number, text: string): void => void events.push({ time, text });
  const at = (time: number, action: () => void): void => {
    if (time <= cfg.endMs) kernel.at(Math.max(cfg.startMs, time), action);
  };

  if (dwfmThrottle !== undefined || nmThrottle !== undefined) {
    const from = options.throttleFromMs ?? cfg.startMs;
    check(Number.isFinite(from), 'throttleFromMs', `${String(from)} is not a time`, 'ms since 19 Oct 00:00 PDT');
    at(from, () => {
      if (dwfmThrottle !== undefined) dwfm.installThrottle(dwfmThrottle);
      if (nmThrottle !== undefined) network.installThrottle(nmThrottle);
      log(kernel.now, `throttle in place: DWFM "${dwfm.throttle.name}", Network Manager "${network.throttle.name}"`);
    });
  }
  if (options.operators ?? true) scheduleOperators(cfg, dwfm, network, at, log, () => tickIndex);

  const ticksPerSample = cfg.sampleMs / cfg.tickMs;
  const samples: MutableSample[] = [];
  const delays: number[] = [];
  const windowOf = (time: number): number => Math.max(0, Math.ceil((time - cfg.startMs) / cfg.sampleMs) - 1);
  const recordDelay = (launchedAt: number, latencyMs: number): void => {
    const w = windowOf(launchedAt);
    delays[w] = Math.max(delays[w] ?? 0, latencyMs);
  };
  let tickIndex = 0;
  let wasAvailable = true;

  const step = (k: Kernel): void => {
    const now = k.now;
    tickIndex++;
    const available = dynamoAvailable(now) === true;
    if (available !== wasAvailable) log(now, available ? 'DynamoDB answers again' : 'DynamoDB unreachable: state checks fail');
    wasAvailable = available;
    dwfm.tick(now, tickIndex, available);
    network.tick(now, dwfm.leased / cfg.fleetSize, recordDelay);
    if (tickIndex % ticksPerSample === 0) {
      const sample = takeSample(now, available, dwfm, network, cfg.sampleMs);
      samples.push(sample);
      options.onSample?.(sample);
    }
    if (now + cfg.tickMs <= cfg.endMs) k.at(now + cfg.tickMs, step);
  };
  kernel.at(cfg.startMs + cfg.tickMs, step);
  kernel.runUntil(cfg.endMs);

  network.forEachWaiting((launchedAt) => recordDelay(launchedAt, cfg.endMs - launchedAt + cfg.networkManager.baseLatencyMs));
  samples.forEach((sample, w) => {
    sample.connectivityDelayMs = sample.launchAttempts > 0 && delays[w] !== undefined ? (delays[w] as number) : null;
  });
  const phases = detectEc2Phases(samples, {
    fleetSize: cfg.fleetSize,
    dwfmCapacityPerSecond: dwfm.capacityPerSecond,
    elevatedLatencyMs: cfg.networkManager.elevatedLatencyMs,
    sampleMs: cfg.sampleMs,
  });
  return {
    config: cfg,
    seed,
    dwfmCapacityPerSecond: dwfm.capacityPerSecond,
    propagationsPerSecond: network.propagationsPerSecond,
    samples,
    phases,
    events,
  };
}

function scheduleOperators(
  cfg: Ec2Config,
  dwfm: Dwfm,
  network: NetworkManager,
  at: (time: number, action: () => void) => void,
  log: (time: number, text: string) => void,
  currentTick: () => number,
): void {
  const ops = cfg.operators;
  at(ops.actAtMs, () => {
    const limit = Math.max(1, Math.floor(ops.dwfmQueueLimitFraction * dwfm.capacityPerSecond * (cfg.dwfm.attemptTimeoutMs / 1000)));
    dwfm.installThrottle(queueLimitThrottle(limit));
    dwfm.restartHosts(ops.restartDiscardFraction, currentTick());
    network.limitLaunchRequests((cfg.fleetSize * ops.launchRequestsPerDropletHour) / 3600);
    log(ops.actAtMs, `operators cap DWFM's queue at ${limit}, restart hosts (${Math.round(ops.restartDiscardFraction * 100)}% of waiting work lost) and throttle launch requests`);
  });
  at(ops.relaxLaunchThrottleAtMs, () => {
    network.limitLaunchRequests(Infinity);
    log(ops.relaxLaunchThrottleAtMs, `launch request throttle relaxed at ${formatHourMinute(ops.relaxLaunchThrottleAtMs)}`);
  });
}

function takeSample(now: number, available: boolean, dwfm: Dwfm, network: NetworkManager, sampleMs: number): MutableSample {
  const d = dwfm.takeCounters();
  const n = network.takeCounters();
  const perSecond = 1000 / sampleMs;
  return {
    time: now,
    dynamoAvailable: available,
    leased: dwfm.leased,
    leasesLost: d.leasesLost,
    queueLength: dwfm.queueLength,
    backingOff: dwfm.backingOff,
    goodput: d.established * perSecond,
    throughput: d.attempted * perSecond,
    wasted: d.wasted,
    dropped: d.dropped,
    rejected: d.rejected,
    launchSuccessRate: n.launchAttempts === 0 ? 1 : n.launched / n.launchAttempts,
    launchAttempts: n.launchAttempts,
    pendingLaunches: network.pendingLaunches,
    propagationBacklog: network.backlog,
    propagationLatencyMs: n.maxLatencyMs >= 0 ? Math.max(n.maxLatencyMs, network.oldestWaitMs(now)) : network.oldestWaitMs(now),
    connectivityDelayMs: null,
  };
}

function splitThrottle(throttle: Ec2RunOptions['throttle']): { dwfm?: Throttle; networkManager?: Throttle } {
  if (throttle === undefined) return {};
  if ('admit' in throttle) return { dwfm: throttle, networkManager: throttle };
  return throttle;
}

function check(ok: boolean, field: string, problem: string, valid: string): void {
  if (!ok) throw new ConfigError(field, problem, valid);
}
