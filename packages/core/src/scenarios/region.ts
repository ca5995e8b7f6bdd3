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
  // chosen: the DNS scenario's seed, so the race is the one lesson 01 scripts.
  seed: october2025.seed,
  // brief: from before the race (23:48) to the end of the event (14:20).
  startMs: pdt('23:00'),
  endMs: pdt('14:20', 20),
  // The race of lesson 01: az1's stale write lands at 23:47 in the clean-up window.
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
    // chosen from the brief: the records were restored at 02:25 and clients' cached
    // answers had expired by 02:40, so an empty answer is kept for up to 15 minutes.
    negativeTtlMs: 15 * MINUTE,
  },
  ec2: october2025Ec2,
  nlb: october2025Nlb,
  // chosen: about a tenth of the Region's accepted launches (per droplet) land behind
  // the NLB. Fewer, and its health checks start to flap only well after 06:00; the brief
  // has NLB connection errors from 05:30.
  nlbLaunchScale: 330,
  operators: {
    dnsRepairAt: pdt('02:25', 20), // brief
    dwfmThrottleAt: pdt('04:14', 20), // brief
    launchThrottleRelaxedAt: pdt('11:23', 20), // brief
    nlbFailoverOffAt: pdt('09:36', 20), // brief
    nlbFailoverOnAt: pdt('14:09', 20), // brief
  },
};
