import { describe, expect, it } from 'vitest';
import {
  comparePhases,
  formatHourMinute,
  formatPhaseTable,
  october2025Ec2,
  pdt,
  runEc2Scenario,
  phasesOff,
  type Ec2Result,
  type Throttle,
} from '../../src/index.ts';

const night = runEc2Scenario(october2025Ec2, { seed: 1 });
const back = pdt('02:25', 20);

function fingerprint(result: Ec2Result): string {
  return JSON.stringify(result.samples);
}

describe('october2025Ec2', () => {
  it('replays the night sample for sample for one seed, and another seed differs', () => {
    expect(fingerprint(runEc2Scenario(october2025Ec2, { seed: 1 })), 'the same seed told a different story').toBe(fingerprint(night));
    expect(fingerprint(runEc2Scenario(october2025Ec2, { seed: 2 })), 'seed 2 gave exactly seed 1\'s night: the seed is not used').not.toBe(fingerprint(night));
  });

  it('lands every phase within ±15% of its duration in the brief', () => {
    const rows = comparePhases(night.phases);
    const off = phasesOff(rows);
    expect(off, `phases off by more than 15%: ${off.join('; ')}\n${formatPhaseTable(rows)}`).toEqual([]);
  });

  it('keeps its calibration at 1,000,000 droplets', () => {
    const big = runEc2Scenario({ ...october2025Ec2, fleetSize: 1_000_000 }, { seed: 1 });
    const rows = comparePhases(big.phases);
    const off = phasesOff(rows);
    expect(off, `at a million droplets: ${off.join('; ')}\n${formatPhaseTable(rows)}`).toEqual([]);
  });

  it('accounts for every droplet in every sample: leased, waiting in DWFM\'s queue, or backing off', () => {
    const lost = night.samples.filter((s) => s.leased + s.queueLength + s.backingOff !== october2025Ec2.fleetSize);
    const first = lost[0];
    expect(
      first,
      first && `at ${formatHourMinute(first.time)}: ${first.leased} leased + ${first.queueLength} queued + ${first.backingOff} backing off ≠ ${october2025Ec2.fleetSize}`,
    ).toBeUndefined();
  });
});

describe('congestive collapse, from the mechanism alone', () => {
  const alone = runEc2Scenario(october2025Ec2, { seed: 1, operators: false });
  const after = alone.samples.filter((s) => s.time > back + 10 * 60_000);

  it('without the operators, DWFM stays busy and leases nothing for the rest of the night', () => {
    const busy = after.every((s) => s.throughput >= 0.9 * alone.dwfmCapacityPerSecond);
    const leased = Math.max(...after.map((s) => s.leased));
    expect(busy, 'DWFM\'s hosts should finish attempts at full speed: throughput stays high').toBe(true);
    expect(after.reduce((sum, s) => sum + s.goodput, 0), 'not one attempt should finish before its timeout: goodput is zero').toBe(0);
    expect(leased, `${leased} droplets got a lease although every attempt waited longer than its timeout`).toBe(0);
  });

  it('the wasted attempts are re-queued, so the queue never shrinks', () => {
    const last = alone.samples[alone.samples.length - 1];
    expect(last?.queueLength, 'every droplet should still be queued at 14:20').toBe(october2025Ec2.fleetSize);
    expect(after.every((s) => s.wasted > 0), 'every minute after 02:35 should waste attempts').toBe(true);
  });

  it('a small outage does not collapse: the queue drains within the attempt timeout', () => {
    const blip = runEc2Scenario({ ...october2025Ec2, dynamoOutages: [{ fromMs: pdt('23:48'), toMs: pdt('00:00', 20) }] }, { seed: 1, operators: false });
    const leasedAgain = blip.samples.find((s) => s.time > pdt('00:00', 20) && s.leased === october2025Ec2.fleetSize);
    expect(leasedAgain, 'after a 12-minute outage only a few leases lapsed; DWFM should have re-leased them').toBeDefined();
    expect(blip.phases.collapse?.endMs ?? Infinity, 'goodput should return at once').toBeLessThan(pdt('00:10', 20));
  });

  it('a throttle that turns all work away leases nobody: rejecting is not a fix', () => {
    const rejectAll: Throttle = { name: 'reject all', admit: () => 0, shouldDrop: () => true };
    const result = runEc2Scenario(october2025Ec2, { seed: 1, throttle: rejectAll, operators: false });
    const last = result.samples[result.samples.length - 1];
    expect(last?.leased, 'no droplet can get a lease through a closed door').toBe(0);
  });
});

describe('what the run hands to other models', () => {
  it('records the operators\' actions and DynamoDB\'s outage as events', () => {
    const texts = night.events.map((e) => `${formatHourMinute(e.time)} ${e.text}`);
    expect(texts[0]).toBe('23:48 DynamoDB unreachable: state checks fail');
    expect(texts[1]).toBe('02:25 DynamoDB answers again');
    expect(texts[2]).toMatch(/^04:14 operators cap DWFM's queue at \d+, restart hosts/);
    expect(texts[3]).toMatch(/^11:23 launch request throttle relaxed/);
  });

  it('takes DynamoDB\'s availability from a timeline, e.g. the DNS model', () => {
    const shorter = runEc2Scenario(october2025Ec2, { seed: 1, dynamoAvailable: (t) => t < pdt('23:48') || t >= pdt('01:00', 20) });
    expect(shorter.events[1]?.text).toBe('DynamoDB answers again');
    expect(formatHourMinute(shorter.events[1]?.time ?? 0)).toBe('01:00');
  });
});
