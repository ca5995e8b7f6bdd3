import { HOUR, type RegionFixes } from '@outage-lab/core';
import { DnsEnactor } from '../../../../02-generation-checks/src/enactor.ts';
import { createVelocityControl } from '../../../../03-nlb-velocity-control/src/velocity-control.ts';

/** DynamoDB and NLB fixed; EC2 was back once DynamoDB was, so its throttle is left out. */
export function regionFixes(): RegionFixes {
  return {
    enactor: new DnsEnactor(),
    // A factory, not a policy: the velocity control keeps its removals, and each night starts clean.
    failoverPolicy: () => createVelocityControl({ windowMs: HOUR, maxRemovedPerWindow: 1 / 3, floor: 2 / 3 }),
  };
}
