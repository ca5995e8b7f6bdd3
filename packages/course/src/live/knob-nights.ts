import { MINUTE, drawDwfmGoodputRun, drawNlbCapacityRun, october2025Ec2, october2025Nlb, runEc2Scenario, runNlbScenario } from '@outage-lab/core';
import { queueThrottle, velocityControl } from '../solutions.ts';

/** One slider. Values are whole steps of `step`, so a setting survives the URL exactly. */
export interface Knob {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The lesson's own setting: what the deck shows first and prints. */
  readonly value: number;
  format(value: number): string;
}

/** A model night with a few knobs, drawn as one chart. */
export interface KnobNight {
  readonly name: string;
  readonly knobs: readonly Knob[];
  draw(values: readonly number[], seed: number): string;
}

const azs = (n: number): string => `${n} of 3 AZs`;

/**
 * Lesson 03's velocity control on the NLB morning of 20 October, with the lesson's
 * solution: how much capacity must stay in DNS (the floor), and how much failover may
 * remove per window. Capacity moves in whole AZs (a third each), so the knobs do too.
 */
const nlbVelocity: KnobNight = {
  name: 'nlb-velocity',
  knobs: [
    { id: 'floor', label: 'Floor: capacity kept in DNS', min: 0, max: 3, step: 1, value: 2, format: azs },
    { id: 'budget', label: 'Budget: capacity removed per window', min: 0, max: 3, step: 1, value: 1, format: azs },
    { id: 'window', label: 'Window', min: 10, max: 180, step: 10, value: 60, format: (m) => `${m} min` },
  ],
  draw([floor = 2, budget = 1, window = 60], seed) {
    const policy = () => velocityControl({ windowMs: window * MINUTE, maxRemovedPerWindow: budget / 3, floor: floor / 3 });
    const run = runNlbScenario(october2025Nlb, { seed, policy });
    return drawNlbCapacityRun(run, `NLB capacity with a velocity control: floor ${azs(floor)}, ${budget} AZ${budget === 1 ? '' : 's'} per ${window} min (seed ${seed})`);
  },
};

/**
 * Lesson 04's throttle on the EC2 night, in both queues from 23:00 and with no operators
 * (the lesson's own test night): the queue may hold this share of what the hosts drain
 * within one timeout.
 */
const ec2Throttle: KnobNight = {
  name: 'ec2-throttle',
  knobs: [{ id: 'queueShare', label: 'queueShare: queue limit ÷ (drain × timeout)', min: 0.05, max: 1.5, step: 0.05, value: 0.5, format: (v) => v.toFixed(2) }],
  draw([queueShare = 0.5], seed) {
    const run = runEc2Scenario(october2025Ec2, { seed, throttle: queueThrottle({ queueShare }), operators: false });
    return drawDwfmGoodputRun(run, `DWFM with a queue throttle, queueShare ${queueShare.toFixed(2)}, no operators (seed ${seed})`);
  },
};

export const KNOB_NIGHTS: Readonly<Record<string, KnobNight>> = { [nlbVelocity.name]: nlbVelocity, [ec2Throttle.name]: ec2Throttle };

/** The lesson's settings. */
export function defaults(night: KnobNight): number[] {
  return night.knobs.map((k) => k.value);
}

/** A setting as the URL keeps it: `2,1,60`. */
export function settingText(values: readonly number[]): string {
  return values.map((v) => String(Number(v.toFixed(6)))).join(',');
}

/** Reads a setting back, snapping each value to its knob's range and steps; null if it is not one. */
export function readSetting(night: KnobNight, text: string): number[] | null {
  const parts = text.split(',');
  if (parts.length !== night.knobs.length) return null;
  const values = parts.map((p, i) => snap(night.knobs[i] as Knob, Number(p)));
  return values.every(Number.isFinite) ? values : null;
}

export function snap(knob: Knob, value: number): number {
  if (!Number.isFinite(value)) return NaN;
  const steps = Math.round((Math.min(knob.max, Math.max(knob.min, value)) - knob.min) / knob.step);
  return Number((knob.min + steps * knob.step).toFixed(6));
}
