import type { Ec2Result } from '../ec2/run.ts';
import { propagationDelayAt } from '../ec2/sample.ts';
import type { NlbScenario, RateStep } from '../nlb/config.ts';
import type { DnsChange } from '../nlb/failover.ts';
import type { FailoverPolicyFactory } from '../nlb/policy.ts';
import { startNlbRun, type NlbRun } from '../nlb/run.ts';
import { HOUR, MINUTE } from '../sim/clock.ts';
import { Rng } from '../sim/rng.ts';
import { streamLabel, type StreamOverrides } from '../streams.ts';
import type { NlbTier, RegionConfig } from './config.ts';

/** Launch rates change in steps this long: the NLB looks its rate up every second. */
const LAUNCH_STEP_MS = 10 * MINUTE;

/** One tier's load balancer through the night. */
export interface NlbTierNight {
  readonly tier: NlbTier;
  readonly run: NlbRun;
}

/** The Region's load balancers through the night. */
export interface NlbFleetNight {
  /** All the Region's load balancers; those in no tier took no new instances and stayed as they were. */
  readonly loadBalancers: number;
  readonly tiers: readonly NlbTierNight[];
  /** Every tier's withdrawals and restores, in time order. */
  readonly dnsChanges: readonly DnsChange[];
  /** Whether the operators switched automatic failover off (only if it had withdrawn capacity somewhere). */
  readonly failoverSwitchedOff: boolean;
}

/**
 * The Region's load balancers for the night. Each tier is a group of load balancers whose
 * targets get new instances at the same rate (a share of the launches EC2 accepted), each
 * waiting for its network state as long as Network Manager made instances launched at that
 * moment wait. A tier is simulated as one load balancer and counted `count` times; the
 * load balancers in no tier launched nothing that night and are not simulated (nothing
 * changes behind them). The operators switch automatic failover off at 09:36, for every
 * load balancer, only if it has withdrawn capacity somewhere by then, and on at 14:09.
 */
export function runNlbFleet(config: RegionConfig, ec2: Ec2Result, policy: FailoverPolicyFactory | undefined, streams: StreamOverrides = {}): NlbFleetNight {
  const { nlbFailoverOffAt: off, nlbFailoverOnAt: on } = config.operators;
  const running = config.nlbFleet.tiers.map((tier) => {
    const scenario: NlbScenario = {
      ...config.nlb,
      name: `${config.nlb.name}:${tier.name}`,
      startMs: config.startMs,
      endMs: config.endMs,
      failover: { ...config.nlb.failover, disabled: [] },
      network: { ...config.nlb.network, launchesPerAzPerHour: nlbLaunches(config, ec2, tier.launchScale), propagationDelay: [] },
    };
    const run = startNlbRun(scenario, {
      // Each tier's load balancer draws from its own streams, derived from the night's seed and the tier's name.
      seed: Rng.derive(config.seed, streamLabel(`nlb.tier.${tier.name}`)).seed >>> 0,
      streams,
      propagationDelay: (launchedAt: number) => propagationDelayAt(ec2.samples, launchedAt),
      ...(policy === undefined ? {} : { policy }),
    });
    return { tier, run };
  });
  // The operators respond to what they see, as at 04:14: they switch automatic failover
  // off only if it has been withdrawing capacity; in a night where it never did, they leave it on.
  const looks = off > config.startMs && off <= config.endMs;
  if (looks) for (const { run } of running) run.runUntil(off - 1);
  const switchedOff = looks && running.some(({ run }) => run.failoverWithdrew);
  if (switchedOff) for (const { run } of running) run.switchFailoverOff({ from: off, until: on });
  const tiers = running.map(({ tier, run }) => ({ tier, run: run.finish() }));
  return {
    loadBalancers: config.nlbFleet.loadBalancers,
    tiers,
    dnsChanges: tiers.flatMap((t) => t.run.dnsChanges).sort((a, b) => a.time - b.time),
    failoverSwitchedOff: switchedOff,
  };
}

/** A tier's launches per AZ per hour, from the launches EC2 accepted, in ten-minute steps. */
function nlbLaunches(config: RegionConfig, ec2: Ec2Result, launchScale: number): RateStep[] {
  const steps: RateStep[] = [];
  const perDropletHour = HOUR / LAUNCH_STEP_MS / ec2.config.fleetSize;
  let from = config.startMs;
  let launched = 0;
  for (const sample of ec2.samples) {
    launched += sample.launchAttempts * sample.launchSuccessRate;
    if (sample.time - from >= LAUNCH_STEP_MS) {
      steps.push({ from, perHour: launched * perDropletHour * launchScale });
      from = sample.time;
      launched = 0;
    }
  }
  return steps;
}
