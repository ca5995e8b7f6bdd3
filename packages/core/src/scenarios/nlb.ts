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
 * 20 October, 05:30–14:30 PDT. Launches resume after DWFM recovers (05:28) and Network
 * Manager falls behind: new instances wait longer and longer for their network state
 * (delays rise from 06:21), until propagation is back to normal at 10:36. Operators
 * switch automatic AZ failover off at 09:36 and back on at 14:09.
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
    launchesPerAzPerHour: [{ from: pdt('05:30', 20), perHour: 50 }],
    // Delay by launch time: long from the start, longer from 06:21, and falling after
    // 09:00 so that every instance launched has its network state by 10:36.
    propagationDelay: [
      { at: pdt('05:30', 20), delayMs: 30 * MINUTE },
      { at: pdt('06:21', 20), delayMs: 40 * MINUTE },
      { at: pdt('09:00', 20), delayMs: 40 * MINUTE },
      { at: pdt('10:36', 20), delayMs: 5 * SECOND },
    ],
  },
};
