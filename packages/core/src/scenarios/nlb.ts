import { MINUTE, SECOND, pdt } from '../sim/clock.ts';
import type { NlbScenario } from '../nlb/config.ts';

/**
 * A normal day for one NLB: three AZs, a thousand targets in each, NLB's documented
 * health-check defaults for TCP (30 s interval, 10 s timeout, 5 passes in, 2 failures
 * out), a few routine launches whose network state propagates in seconds.
 * The fleet sizes, checker capacity, failover threshold and client load are the
 * workshop's choices: AWS published none of them.
 */
export const calmNlb: NlbScenario = {
  name: 'calm-nlb',
  startMs: pdt('05:30', 20),
  endMs: pdt('14:30', 20),
  azs: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  targetsPerAz: 1000,
  healthCheck: {
    intervalMs: 30 * SECOND,
    timeoutMs: 10 * SECOND,
    healthyThreshold: 5,
    unhealthyThreshold: 2,
    answeredCheckMs: 50,
    checkersPerAz: 7,
    recheckOnDnsChange: true,
  },
  failover: {
    threshold: 0.8,
    evaluateEveryMs: 10 * SECOND,
    disabled: [],
  },
  network: {
    launchesPerAzPerHour: [{ from: 0, perHour: 20 }],
    propagationDelay: [{ at: 0, delayMs: 5 * SECOND }],
    unpropagatedAnswerChance: 0.5,
  },
  clients: { dnsTtlMs: 60 * SECOND, utilisation: 0.55 },
  failures: [],
  sampleEveryMs: MINUTE,
};

/**
 * 20 October, 05:30–14:30 PDT: one of the composed night's hardest-hit load balancers
 * (`october2025Region`'s `heavy` tier), on its own. Launches resume after DWFM recovers
 * (05:28) and Network Manager falls behind: new instances wait longer and longer for
 * their network state, until propagation is back to normal. Operators switch automatic AZ
 * failover off at 09:36 and back on at 14:09.
 *
 * Its launches and propagation delays are the composed night's, read off the calibrated
 * EC2 model (seed 20251351) and kept here so that lesson 03 runs in a second;
 * `test/region/nlb-morning.test.ts` fails if the two drift apart, or if the velocity
 * control's effect here and in the composed night differ in sign.
 */
export const october2025Nlb: NlbScenario = {
  ...calmNlb,
  name: 'october-2025-nlb',
  failover: {
    ...calmNlb.failover,
    disabled: [{ from: pdt('09:36', 20), until: pdt('14:09', 20) }],
  },
  network: {
    ...calmNlb.network,
    // The heavy tier's share of EC2's accepted launches: 62 per AZ-hour per launch per
    // droplet-hour; EC2 accepts 1.2 per droplet-hour under the operators' launch throttle,
    // then 0.7 (demand) once the backlog of failed launches has been served.
    launchesPerAzPerHour: [
      { from: pdt('05:30', 20), perHour: 74 },
      { from: pdt('08:45', 20), perHour: 43 },
    ],
    // Network Manager's delay by launch time in the composed night: from nothing at 05:24
    // up about 3 minutes every quarter hour to 41 minutes near 08:52, then down to nothing
    // at 11:12 once the launch throttle's backlog drains.
    propagationDelay: [
      { at: pdt('05:24', 20), delayMs: 0 },
      { at: pdt('08:52', 20), delayMs: 41.5 * MINUTE },
      { at: pdt('11:12', 20), delayMs: 0 },
    ],
  },
};
