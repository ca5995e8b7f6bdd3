import { october2025Ec2 } from './ec2.ts';
import { october2025Nlb } from './nlb.ts';
import { MINUTE, SECOND, pdt } from '../sim/clock.ts';
import { october2025 } from './dns.ts';
import type { RegionConfig } from '../region/config.ts';

/**
 * us-east-1 on the night of 19–20 October 2025: the faithful models, composed, with the
 * operators at AWS's times. "brief" marks a value from the incident brief; "chosen" one
 * AWS did not publish, picked for the reason given. Each model's own parameters are
 * documented in its README.
 */
export const october2025Region: RegionConfig = {
  name: 'october2025Region',
  // chosen: the DNS scenario's seed, the night picked because its race resembles AWS's.
  seed: october2025.seed,
  // brief: from before the race (23:48) to the end of the event (14:20).
  startMs: pdt('23:00'),
  endMs: pdt('14:20', 20),
  // The race from a degraded Enactor: the stale write lands at 23:50 in the clean-up window.
  dns: october2025,
  clients: {
    // chosen: enough clients for a smooth error rate, few enough to cost milliseconds.
    count: 200,
    // chosen: a client sends a request about once a minute. The random gaps are what
    // spread the moments at which clients cached the empty answer.
    requestGapMs: MINUTE,
    // chosen: AWS did not publish the endpoint's TTL; a minute makes the empty answer
    // reach every client within a minute of the race (brief: errors from 23:48).
    answerTtlMs: 60 * SECOND,
    // fitted to the 02:40 edge: the brief gives no TTL, only that the records were
    // restored at 02:25 and clients' cached answers had expired by 02:40, so the cached
    // tail's end (02:40) is an input of this value, not a result of the model.
    negativeTtlMs: 15 * MINUTE,
  },
  ec2: october2025Ec2,
  nlb: october2025Nlb,
  // chosen, with the NLB phase in view (so that phase is not held out): AWS says "some"
  // load balancers saw connection errors and published no counts. A hundred load balancers;
  // most front fleets that launched nothing that morning. Four front fleets that replaced
  // instances fast (about 74 new instances per AZ-hour each at the morning's launch rate,
  // lesson 03's October morning) and twelve more slowly (about 30).
  nlbFleet: {
    loadBalancers: 100,
    tiers: [
      { name: 'heavy', count: 4, launchScale: 62 },
      { name: 'moderate', count: 12, launchScale: 25 },
    ],
  },
  operators: {
    dnsRepairAt: pdt('02:25', 20), // brief
    dwfmThrottleAt: pdt('04:14', 20), // brief
    launchThrottleRelaxedAt: pdt('11:23', 20), // brief
    nlbFailoverOffAt: pdt('09:36', 20), // brief
    nlbFailoverOnAt: pdt('14:09', 20), // brief
    internalMitigationAt: pdt('01:15', 20), // brief: mitigations let some internal services connect
  },
};
