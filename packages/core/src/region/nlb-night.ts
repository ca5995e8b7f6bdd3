import type { Ec2Result } from '../ec2/run.ts';
import { propagationDelayAt } from '../ec2/sample.ts';
import type { NlbScenario, RateStep } from '../nlb/config.ts';
import type { FailoverPolicyFactory } from '../nlb/policy.ts';
import { runNlbScenario, type NlbRun } from '../nlb/run.ts';
import { HOUR, MINUTE } from '../sim/clock.ts';
import type { RegionConfig } from './config.ts';

/** Launch rates change in steps this long: the NLB looks its rate up every second. */
const LAUNCH_STEP_MS = 10 * MINUTE;

/**
 * The NLB model for the Region's night. Its new instances are a share of the launches EC2
 * accepted, each waiting for its network state as long as Network Manager made instances
 * launched at that moment wait; the operators switch automatic failover off and on at
 * the Region's times.
 *
 * Simplification: one NLB stands for the Region's load balancers, and its share of the
 * launches (`nlbLaunchScale`) is the workshop's figure, chosen so that its health checks
 * start to flap once propagation delays pass a few minutes, as they did soon after
 * launches resumed (brief: NLB connection errors from 05:30).
 */
export function runNlbNight(config: RegionConfig, ec2: Ec2Result, policy: FailoverPolicyFactory | undefined): NlbRun {
  const base: NlbScenario = {
    ...config.nlb,
    startMs: config.startMs,
    endMs: config.endMs,
    failover: { ...config.nlb.failover, disabled: [] },
    network: { ...config.nlb.network, launchesPerAzPerHour: nlbLaunches(config, ec2), propagationDelay: [] },
  };
  const options = {
    seed: config.seed,
    propagationDelay: (launchedAt: number) => propagationDelayAt(ec2.samples, launchedAt),
    ...(policy === undefined ? {} : { policy }),
  };
  const { nlbFailoverOffAt: off, nlbFailoverOnAt: on } = config.operators;
  // The operators respond to what they see, as at 04:14: they switch automatic failover
  // off at 09:36 only if it has been withdrawing capacity; in a night where it never did,
  // they leave it on. What they saw is found by running the same night up to 09:36.
  const probe = off > config.startMs && off <= config.endMs ? runNlbScenario({ ...base, endMs: off }, options) : null;
  const withdrew = probe !== null && probe.dnsChanges.some((c) => c.change === 'withdrawn' && c.by === 'failover');
  return runNlbScenario(withdrew ? { ...base, failover: { ...base.failover, disabled: [{ from: off, until: on }] } } : base, options);
}

/** The NLB's launches per AZ per hour, from the launches EC2 accepted, in ten-minute steps. */
function nlbLaunches(config: RegionConfig, ec2: Ec2Result): RateStep[] {
  const steps: RateStep[] = [];
  const perDropletHour = HOUR / LAUNCH_STEP_MS / ec2.config.fleetSize;
  let from = config.startMs;
  let launched = 0;
  for (const sample of ec2.samples) {
    launched += sample.launchAttempts * sample.launchSuccessRate;
    if (sample.time - from >= LAUNCH_STEP_MS) {
      steps.push({ from, perHour: launched * perDropletHour * config.nlbLaunchScale });
      from = sample.time;
      launched = 0;
    }
  }
  return steps;
}
