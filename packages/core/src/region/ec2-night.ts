import type { Ec2Config } from '../ec2/config.ts';
import { runEc2Scenario, type Ec2Result } from '../ec2/run.ts';
import type { Ec2Sample } from '../ec2/sample.ts';
import type { Throttle } from '../ec2/throttle.ts';
import type { StreamOverrides } from '../streams.ts';
import type { RegionConfig } from './config.ts';

export interface Ec2Night {
  readonly result: Ec2Result;
  /** Whether the operators stepped in at 04:14: only when droplets still lacked a lease then. */
  readonly operatorsActed: boolean;
}

/**
 * The EC2 model for the Region's night, with DynamoDB's availability from the clients and
 * the operators' times from the Region.
 *
 * The operators responded to what they saw. At 04:14 they throttled DWFM and restarted
 * hosts because DWFM was not recovering; in a night where droplets all hold a lease by
 * then (the throttle fix), they have nothing to respond to and do not act, and so their
 * launch request throttle and its relaxation at 11:23 do not happen either. What they saw
 * at 04:14 is found by running the same night, without them, up to that moment.
 */
export function runEc2Night(
  config: RegionConfig,
  options: {
    readonly dynamoAvailable: (timeMs: number) => boolean;
    readonly throttle?: Throttle;
    readonly streams?: StreamOverrides;
    readonly onSample?: (sample: Ec2Sample) => void;
  },
): Ec2Night {
  const ops = config.operators;
  const ec2: Ec2Config = {
    ...config.ec2,
    startMs: config.startMs,
    endMs: config.endMs,
    operators: { ...config.ec2.operators, actAtMs: ops.dwfmThrottleAt, relaxLaunchThrottleAtMs: ops.launchThrottleRelaxedAt },
  };
  const base = {
    seed: config.seed,
    dynamoAvailable: options.dynamoAvailable,
    ...(options.streams === undefined ? {} : { streams: options.streams }),
    ...(options.throttle === undefined ? {} : { throttle: options.throttle }),
  };
  const operatorsActed = ops.dwfmThrottleAt <= config.endMs && dropletsWithoutLeaseAt(ec2, base, ops.dwfmThrottleAt);
  const result = runEc2Scenario(ec2, { ...base, operators: operatorsActed, ...(options.onSample === undefined ? {} : { onSample: options.onSample }) });
  return { result, operatorsActed };
}

function dropletsWithoutLeaseAt(ec2: Ec2Config, options: Parameters<typeof runEc2Scenario>[1], timeMs: number): boolean {
  if (timeMs <= ec2.startMs + ec2.sampleMs) return false;
  const probe = runEc2Scenario({ ...ec2, endMs: timeMs }, { ...options, operators: false });
  const seen = probe.samples[probe.samples.length - 1];
  return seen !== undefined && seen.leased < ec2.fleetSize;
}
