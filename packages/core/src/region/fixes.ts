import { ConfigError } from '../config-error.ts';
import type { EnactorProgram } from '../dns/enactor.ts';
import type { Throttle } from '../ec2/throttle.ts';
import type { FailoverPolicyFactory } from '../nlb/policy.ts';

/**
 * The fixes AWS announced, as the lessons build them. The core never imports a lesson:
 * whoever runs the Region (the replay, lesson 05's tests) passes them in.
 */
export interface RegionFixes {
  /** Lesson 02: the DNS Enactor every AZ runs, with generation checks. */
  readonly enactor?: EnactorProgram;
  /** Lesson 03: automatic AZ failover with a velocity control. A factory: every run needs a fresh policy. */
  readonly failoverPolicy?: FailoverPolicyFactory;
  /** Lesson 04: admission control in front of DWFM's and Network Manager's queues, in place all night. */
  readonly throttle?: Throttle;
}

export type FixName = 'dns' | 'nlb' | 'ec2';

export const FIX_NAMES: readonly FixName[] = ['dns', 'nlb', 'ec2'];

export const FIX_LABELS: Readonly<Record<FixName, string>> = {
  dns: 'DNS Enactor with generation checks (lesson 02)',
  nlb: 'NLB failover with a velocity control (lesson 03)',
  ec2: 'DWFM and Network Manager throttled by queue size (lesson 04)',
};

/** Which fixes a set switches on, in the order dns, nlb, ec2. */
export function fixNames(fixes: RegionFixes): FixName[] {
  const on: Record<FixName, boolean> = { dns: fixes.enactor !== undefined, nlb: fixes.failoverPolicy !== undefined, ec2: fixes.throttle !== undefined };
  return FIX_NAMES.filter((name) => on[name]);
}

/** The subset of `all` that `names` switches on. */
export function pickFixes(all: Required<RegionFixes>, names: readonly FixName[]): RegionFixes {
  names.forEach((name, i) => {
    if (!FIX_NAMES.includes(name)) throw new ConfigError(`fixes[${i}]`, `${JSON.stringify(name)} is not a fix`, FIX_NAMES.join(', '));
  });
  return {
    ...(names.includes('dns') ? { enactor: all.enactor } : {}),
    ...(names.includes('nlb') ? { failoverPolicy: all.failoverPolicy } : {}),
    ...(names.includes('ec2') ? { throttle: all.throttle } : {}),
  };
}
