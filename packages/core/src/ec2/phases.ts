import { pdt } from '../sim/clock.ts';
import { comparePhaseSpans, type PhaseComparison, type PhaseSpan } from '../sim/phases.ts';
import type { Ec2Sample } from './sample.ts';

export { formatPhaseTable, type PhaseComparison, type PhaseSpan } from '../sim/phases.ts';

export type Ec2PhaseName = 'leaseTimeouts' | 'collapse' | 'recovery' | 'launchRamp' | 'propagationBacklog';

/** The night's phases as the model lived them; null when a phase never began or never ended. */
export type Ec2Phases = Readonly<Record<Ec2PhaseName, PhaseSpan | null>>;

/** The same phases in the brief's timeline (PDT). */
export const AWS_EC2_PHASES: Readonly<Record<Ec2PhaseName, PhaseSpan & { readonly label: string }>> = {
  leaseTimeouts: { label: 'droplet leases time out', startMs: pdt('23:48'), endMs: pdt('02:24', 20) },
  collapse: { label: 'DWFM in congestive collapse', startMs: pdt('02:25', 20), endMs: pdt('04:14', 20) },
  recovery: { label: 'throttled re-leasing until every droplet holds a lease', startMs: pdt('04:14', 20), endMs: pdt('05:28', 20) },
  launchRamp: { label: 'launches resume until propagation delays rise', startMs: pdt('05:28', 20), endMs: pdt('06:21', 20) },
  propagationBacklog: { label: 'Network Manager backlog: new instances lack connectivity', startMs: pdt('06:21', 20), endMs: pdt('10:36', 20) },
};

export const EC2_PHASE_NAMES: readonly Ec2PhaseName[] = ['leaseTimeouts', 'collapse', 'recovery', 'launchRamp', 'propagationBacklog'];

/** Goodput at or above this share of DWFM's capacity means the collapse is over. */
export const COLLAPSE_OVER_SHARE = 0.25;

export interface PhaseInputs {
  readonly fleetSize: number;
  readonly dwfmCapacityPerSecond: number;
  readonly elevatedLatencyMs: number;
  readonly sampleMs: number;
}

/**
 * Finds the phases in the samples alone, never from the scenario's inputs, so a model that
 * recovers by itself, or never recovers, shows it:
 * - lease time-outs: from the first window that lost a lease to the last one;
 * - collapse: from DynamoDB answering again while droplets lack a lease, until goodput
 *   reaches a quarter of DWFM's capacity;
 * - recovery: from there until every droplet holds a lease;
 * - launch ramp: from there until propagation latency first exceeds the "elevated" mark;
 * - propagation backlog: from there until it last exceeds it.
 */
export function detectEc2Phases(samples: readonly Ec2Sample[], inputs: PhaseInputs): Ec2Phases {
  const after = (from: number, test: (s: Ec2Sample, i: number) => boolean): number => {
    for (let i = Math.max(0, from); i < samples.length; i++) if (test(samples[i] as Ec2Sample, i)) return i;
    return -1;
  };
  const time = (i: number): number => (samples[i] as Ec2Sample).time;
  const span = (a: number, b: number): PhaseSpan | null => (a < 0 || b < 0 ? null : { startMs: time(a), endMs: time(b) });

  const firstLoss = after(0, (s) => s.leasesLost > 0);
  let lastLoss = -1;
  samples.forEach((s, i) => {
    if (s.leasesLost > 0) lastLoss = i;
  });
  const back = after(firstLoss, (s, i) => i > 0 && s.dynamoAvailable && !(samples[i - 1] as Ec2Sample).dynamoAvailable && s.leased < inputs.fleetSize);
  const healthy = after(back, (s) => s.goodput >= COLLAPSE_OVER_SHARE * inputs.dwfmCapacityPerSecond);
  const allLeased = after(healthy, (s) => s.leased === inputs.fleetSize);
  const elevated = (s: Ec2Sample): boolean => s.propagationLatencyMs > inputs.elevatedLatencyMs;
  const delayed = after(allLeased, elevated);
  let lastDelayed = -1;
  if (delayed >= 0) for (let i = delayed; i < samples.length; i++) if (elevated(samples[i] as Ec2Sample)) lastDelayed = i;
  const normal = lastDelayed >= 0 && lastDelayed + 1 < samples.length ? lastDelayed + 1 : -1;

  return {
    leaseTimeouts: span(firstLoss, firstLoss < 0 ? -1 : lastLoss),
    collapse: span(back, healthy),
    recovery: span(healthy, allLeased),
    launchRamp: span(allLeased, delayed),
    propagationBacklog: span(delayed, normal),
  };
}

/** Each of EC2's phases in the brief beside the model's. */
export function comparePhases(phases: Ec2Phases): PhaseComparison<Ec2PhaseName>[] {
  return comparePhaseSpans(EC2_PHASE_NAMES, AWS_EC2_PHASES, phases);
}
