import { beforeAll, describe, expect, it } from 'vitest';
import {
  REGIONAL_ENDPOINT,
  REGION_PHASE_BASIS,
  compareRegionPhases,
  detectRegionPhases,
  forgetMemos,
  formatCalibratedPhases,
  formatHourMinute,
  summarizeCalibration,
  october2025Region,
  pdt,
  phasesOff,
  runRegion,
  type RegionNight,
} from '../../src/index.ts';

/** A test's budget per whole night of the Region it runs (under a second each on a quiet machine): a guard against a hang, not a speed check. */
const NIGHT_BUDGET_MS = 120_000;

let night: RegionNight;
beforeAll(() => {
  night = runRegion(october2025Region);
}, NIGHT_BUDGET_MS);
// The October seed's race (23:50); AWS's began at 23:48.
const RACE_WINDOW = [pdt('23:45'), pdt('23:52')] as const;
const REPAIR = pdt('02:25', 20);

describe('october2025Region: the four models composed into one night', () => {
  it('lands each fitted phase of the brief within ±15% of its duration (AWS and the model side by side)', () => {
    const rows = compareRegionPhases(detectRegionPhases(night));
    const off = phasesOff(rows.filter((r) => REGION_PHASE_BASIS[r.phase].miss === undefined));
    expect(off, `phases more than 15% away from AWS's timeline: ${off.join('; ')}\n${formatCalibratedPhases(rows)}`).toEqual([]);
    expect(rows.length, 'every phase of the brief is compared').toBe(8);
  });

  it("has some load balancers hit, mostly by failover's withdrawals, ending by 09:36, and starting late as its named miss says", () => {
    const rows = compareRegionPhases(detectRegionPhases(night));
    const [miss] = summarizeCalibration(rows).misses;
    expect(miss?.phase).toBe('nlbErrors');
    expect(miss?.startErrorMs ?? -1, formatCalibratedPhases(rows)).toBeGreaterThan(0);
    const nlb = detectRegionPhases(night).nlbErrors;
    expect(nlb?.endMs ?? Infinity, 'the operators switch automatic failover off at 09:36').toBeLessThanOrEqual(pdt('09:37', 20));
    const hit = Math.max(...night.minutes.map((m) => m.nlbLoadBalancersHit));
    expect(hit, 'AWS: "some" load balancers').toBeGreaterThan(0);
    expect(hit).toBeLessThanOrEqual(night.nlb.loadBalancers / 10);
    const failed = night.minutes.reduce((sum, m) => sum + m.nlbErrorRate, 0);
    const fromFailover = night.minutes.reduce((sum, m) => sum + m.nlbErrorFromFailover, 0);
    expect(fromFailover / failed, 'AWS: failover withdrew healthy capacity, which caused connection errors').toBeGreaterThan(0.5);
  });

  it('finds the phases in what the night produced: with the repair an hour later, DynamoDB and DWFM recover an hour later', { timeout: NIGHT_BUDGET_MS }, () => {
    const late = runRegion({ ...october2025Region, operators: { ...october2025Region.operators, dnsRepairAt: pdt('03:25', 20) } });
    const phases = detectRegionPhases(late);
    const at = (ms: number | undefined) => (ms === undefined ? 'never' : formatHourMinute(ms));
    expect(at(phases.cacheTail?.startMs), 'the cached tail starts when the records are restored').toBe('03:25');
    const tail = (phases.dynamoErrors?.endMs ?? 0) - pdt('03:25', 20);
    expect(tail / 60_000, `clients recovered at ${at(phases.dynamoErrors?.endMs)}: they should hold their empty answers up to 15 minutes longer`).toBeGreaterThanOrEqual(12);
    expect(tail / 60_000).toBeLessThanOrEqual(15);
    expect(at(phases.collapse?.startMs), 'DWFM starts re-leasing when it reaches DynamoDB again').toBe('03:25');
  });

  it('keeps its calibration at 1,000,000 droplets: every rate is per droplet', { timeout: NIGHT_BUDGET_MS }, () => {
    const big = runRegion({ ...october2025Region, ec2: { ...october2025Region.ec2, fleetSize: 1_000_000 } });
    const rows = compareRegionPhases(detectRegionPhases(big));
    const off = phasesOff(rows.filter((r) => REGION_PHASE_BASIS[r.phase].miss === undefined));
    expect(off, `at a million droplets: ${off.join('; ')}\n${formatCalibratedPhases(rows)}`).toEqual([]);
  });

  it(`empties ${REGIONAL_ENDPOINT} through the race, and only the operators bring it back at 02:25`, () => {
    const empty = night.dns.answers.find((a) => a.addresses.length === 0);
    expect(empty?.time, 'the race should leave the regional endpoint with no addresses within minutes of 23:48').toBeGreaterThanOrEqual(RACE_WINDOW[0]);
    expect(empty?.time).toBeLessThan(RACE_WINDOW[1]);
    const back = night.dns.answers.find((a) => a.time > (empty?.time ?? 0) && a.addresses.length > 0);
    expect(back?.time, `the endpoint answered again at ${back === undefined ? 'no time' : formatHourMinute(back.time)}; the operators restored it at 02:25`).toBe(REPAIR);
  });

  it('DWFM loses DynamoDB when the clients do, and gets it back at the repair, before the cached answers run out', () => {
    const texts = night.ec2.events.map((e) => `${formatHourMinute(e.time)} ${e.text}`);
    expect(texts, 'the EC2 model should hear of DynamoDB once, going and coming back').toContain('02:25 DynamoDB answers again');
    const lost = night.ec2.events.find((e) => e.text.startsWith('DynamoDB unreachable'));
    expect(lost?.time ?? 0, 'DWFM lost DynamoDB within two minutes of the race').toBeLessThanOrEqual(pdt('23:52'));
    const tail = night.minutes.filter((m) => m.time > REPAIR && m.dynamoErrorRate > 0);
    expect(tail.length, 'after 02:25 some clients should still fail on their cached empty answer').toBeGreaterThan(5);
  });

  it('lets the operators throttle DWFM at 04:14 because droplets still lack a lease then', () => {
    expect(night.dwfmOperatorsActed, 'at 04:14 DWFM had not re-leased the fleet; the operators stepped in').toBe(true);
    expect(night.events.some((e) => e.source === 'ec2' && e.text.startsWith('operators cap'))).toBe(true);
  });

  it('replays the night minute for minute for one seed; another seed tells a different story', { timeout: 2 * NIGHT_BUDGET_MS }, () => {
    // Without this the same seed would be handed the night already run, and prove nothing.
    forgetMemos();
    const again = runRegion(october2025Region);
    expect(again, 'the second night was computed anew').not.toBe(night);
    expect(JSON.stringify(again.minutes), 'the same seed gave a different night').toBe(JSON.stringify(night.minutes));
    const other: RegionNight = runRegion({ ...october2025Region, seed: 7 });
    expect(JSON.stringify(other.minutes), 'seed 7 gave exactly the same night: the seed is not used').not.toBe(JSON.stringify(night.minutes));
  });
});
