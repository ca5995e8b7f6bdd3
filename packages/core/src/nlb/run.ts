import { ConfigError, check } from '../config-error.ts';
import { HOUR } from '../sim/clock.ts';
import { Kernel } from '../sim/kernel.ts';
import { ClientView } from './clients.ts';
import { NLB_TICK_MS, validateNlbScenario, type DelayPoint, type NlbScenario, type RateStep } from './config.ts';
import { AzFailover, type DnsChange } from './failover.ts';
import { HealthChecker } from './health-checks.ts';
import { Sampler, type NlbSample } from './metrics.ts';
import { noVelocityControl, type FailoverPolicyFactory } from './policy.ts';
import { TargetFleet } from './targets.ts';
import { stream, type StreamOverrides } from '../streams.ts';

export interface NlbRunOptions {
  readonly seed: number;
  /** Seeds that replace the launches' or the health checks' derived stream (`nlb.launches`, `nlb.health-checks`). */
  readonly streams?: StreamOverrides;
  /** The failover policy; the default is what NLB had in October 2025 (no velocity control). */
  readonly policy?: FailoverPolicyFactory;
  /**
   * Network-state propagation delay for an instance launched at `launchedAt`. Defaults to
   * the scenario's curve; the EC2 model's Network Manager backlog can be plugged in here.
   */
  readonly propagationDelay?: (launchedAt: number) => number;
}

export interface NlbRun {
  readonly scenario: string;
  readonly seed: number;
  readonly azs: readonly string[];
  readonly samples: readonly NlbSample[];
  readonly dnsChanges: readonly DnsChange[];
  /** Kernel events handled, for the benchmark. */
  readonly events: number;
}

/** Runs one NLB scenario from `startMs` to `endMs`. Same scenario, options and seed: same run. */
export function runNlbScenario(scenario: NlbScenario, options: NlbRunOptions): NlbRun {
  return startNlbRun(scenario, options).finish();
}

/**
 * A run that stops on the way, so that a caller can look and act as the operators did:
 * the Region runs every load balancer to 09:36, looks whether failover withdrew capacity
 * anywhere, and only then switches automatic failover off.
 */
export interface NlbRunInProgress {
  /** Runs up to and including `timeMs` (at most the scenario's end). */
  runUntil(timeMs: number): void;
  /** Whether automatic failover has withdrawn an AZ so far. */
  readonly failoverWithdrew: boolean;
  /** The operators switch automatic failover off for `range` (from now or later). */
  switchFailoverOff(range: { readonly from: number; readonly until: number }): void;
  /** Runs to the scenario's end and returns the run. */
  finish(): NlbRun;
}

export function startNlbRun(scenario: NlbScenario, options: NlbRunOptions): NlbRunInProgress {
  validateNlbScenario(scenario);
  check.integerAtLeast('seed', options.seed, 0);
  const { azs, healthCheck, network } = scenario;
  const kernel = new Kernel(options.seed, scenario.startMs);
  // Launches and checks draw from their own streams: more checks (a re-check, a policy that
  // restores sooner) never change which slots the launches replace.
  const rng = stream(options.seed, 'nlb.launches', options.streams);
  const fleet = new TargetFleet(azs.length, scenario.targetsPerAz);
  const checker = new HealthChecker(fleet, healthCheck, network.unpropagatedAnswerChance, stream(options.seed, 'nlb.health-checks', options.streams));
  // The re-check on every DNS change is the model's hypothesis (see HealthCheckConfig), not AWS's account.
  const failover = new AzFailover(azs, scenario.failover, (options.policy ?? noVelocityControl)(), (az) => {
    if (healthCheck.recheckOnDnsChange) checker.recheckAz(az);
  });
  const clients = new ClientView(azs.length, scenario.clients, network.unpropagatedAnswerChance);
  const sampler = new Sampler(failover.changes);
  const delayOf = options.propagationDelay ?? ((launchedAt: number) => delayAt(network.propagationDelay, launchedAt));
  const fractions = new Float64Array(azs.length);
  const evaluateEvery = scenario.failover.evaluateEveryMs / NLB_TICK_MS;

  for (const failure of scenario.failures) {
    kernel.at(Math.max(failure.at, scenario.startMs), () => fleet.killAz(azs.indexOf(failure.az)));
  }

  // The launch rate's step now: times only grow, so the step is found by moving on from the last one.
  const rates = network.launchesPerAzPerHour;
  let rateStep = -1;
  const rateAt = (now: number): number => {
    while (rateStep + 1 < rates.length && (rates[rateStep + 1] as RateStep).from <= now) rateStep++;
    return rateStep < 0 ? 0 : (rates[rateStep] as RateStep).perHour;
  };

  const launch = (now: number): void => {
    const perTick = (rateAt(now) * NLB_TICK_MS) / HOUR;
    for (let az = 0; az < azs.length; az++) {
      const count = Math.floor(perTick) + (rng.chance(perTick % 1) ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const slot = az * fleet.perAz + rng.int(0, fleet.perAz - 1);
        const delay = delayOf(now);
        if (!(delay >= 0) || !Number.isFinite(delay)) {
          throw new ConfigError('propagationDelay', `returned ${String(delay)} for a launch at ${now} ms`, 'a finite number of ms ≥ 0');
        }
        fleet.replace(slot, delay === 0);
        if (delay > 0) {
          const generation = fleet.generationOf(slot);
          kernel.after(delay, () => fleet.propagate(slot, generation));
        }
      }
    }
  };

  let tickIndex = 0;
  const tick = (k: Kernel): void => {
    const now = k.now;
    launch(now);
    checker.tick(tickIndex);
    if (tickIndex % evaluateEvery === 0) {
      for (let az = 0; az < azs.length; az++) fractions[az] = (fleet.healthy[az] as number) / fleet.perAz;
      failover.evaluate(now, fractions);
    }
    clients.observe(failover.answer);
    const automatic = failover.automaticAt(now);
    sampler.tick({
      publishedCapacity: failover.publishedCapacity,
      errorRate: clients.errorRate(fleet, automatic),
      errorRateAllPublished: clients.errorRate(fleet, automatic, true),
    });
    if ((now - scenario.startMs) % scenario.sampleEveryMs === 0 || now + NLB_TICK_MS > scenario.endMs) {
      const stats = checker.takeStats();
      let unpropagated = 0;
      for (const n of fleet.unpropagated) unpropagated += n;
      sampler.sample(now, {
        publishedCapacity: failover.publishedCapacity,
        azHealthy: Array.from(fleet.healthy, (n) => n / fleet.perAz),
        azInAnswer: Array.from(failover.answer, (a) => a === 1),
        checkLatencyMs: stats.meanLatencyMs,
        checkTimeoutRate: stats.checks > 0 ? stats.timeouts / stats.checks : 0,
        unpropagated,
        automaticFailover: failover.automaticAt(now),
      });
    }
    tickIndex++;
    if (now + NLB_TICK_MS <= scenario.endMs) k.after(NLB_TICK_MS, tick);
  };
  kernel.at(scenario.startMs, tick);

  return {
    runUntil: (timeMs) => kernel.runUntil(Math.min(timeMs, scenario.endMs)),
    get failoverWithdrew() {
      return failover.changes.some((c) => c.change === 'withdrawn' && c.by === 'failover');
    },
    switchFailoverOff: (range) => failover.disable(range),
    finish: () => {
      kernel.runUntil(scenario.endMs);
      return { scenario: scenario.name, seed: options.seed, azs, samples: sampler.samples, dnsChanges: failover.changes, events: kernel.processed };
    },
  };
}

/** Linear between points, flat outside them (0 with no points). */
function delayAt(points: readonly DelayPoint[], launchedAt: number): number {
  const first = points[0];
  if (first === undefined) return 0;
  if (launchedAt <= first.at) return first.delayMs;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as DelayPoint;
    const b = points[i] as DelayPoint;
    if (launchedAt <= b.at) {
      return b.at === a.at ? b.delayMs : a.delayMs + ((b.delayMs - a.delayMs) * (launchedAt - a.at)) / (b.at - a.at);
    }
  }
  return (points[points.length - 1] as DelayPoint).delayMs;
}
