import { atPdt } from './clock.ts';
import type { NlbScenario } from './config.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * A normal day for one NLB: three AZs, a thousand targets in each, NLB's documented
 * health-check defaults for TCP (30 s interval, 10 s timeout, 5 passes in, 2 failures
 * out), a few routine launches whose network state propagates in seconds.
 * The fleet sizes, checker capacity, failover threshold and client load are the
 * workshop's choices: AWS published none of them.
 */
export const calmNlb: NlbScenario = {
  name: 'calm-nlb',
  startMs: atPdt(20, '05:30'),
  endMs: atPdt(20, '14:30'),
  azs: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  targetsPerAz: 1000,
  healthCheck: {
    intervalMs: 30 * SECOND,
    timeoutMs: 10 * SECOND,
    healthyThreshold: 5,
    unhealthyThreshold: 2,
    answeredCheckMs: 50,
    checkersPerAz: 12,
    recheckOnDnsChange: true,
  },
  failover: {
    threshold: 0.5,
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
    disabled: [{ from: atPdt(20, '09:36'), until: atPdt(20, '14:09') }],
  },
  network: {
    ...calmNlb.network,
    launchesPerAzPerHour: [{ from: atPdt(20, '05:30'), perHour: 80 }],
    // Delay by launch time; the last points make every backlog entry land by 10:36.
    propagationDelay: [
      { at: atPdt(20, '05:30'), delayMs: 15 * MINUTE },
      { at: atPdt(20, '06:21'), delayMs: 60 * MINUTE },
      { at: atPdt(20, '09:00'), delayMs: 96 * MINUTE },
      { at: atPdt(20, '10:36'), delayMs: 5 * SECOND },
    ],
  },
};
