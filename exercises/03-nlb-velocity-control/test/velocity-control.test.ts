import { describe, expect, it } from 'vitest';
import {
  HOUR,
  MINUTE,
  calmNlb,
  formatHourMinute,
  october2025Nlb,
  pdt,
  runNlbScenario,
  summarizeNlb,
  type AzStatus,
  type NlbRun,
  type NlbScenario,
} from '@outage-lab/core';
import { createVelocityControl } from '../src/velocity-control.ts';

/** A budget for the steps that run a whole night, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

/** At most one AZ's worth of capacity removed per hour, and never below two of three AZs. */
const LIMITS = { windowMs: HOUR, maxRemovedPerWindow: 1 / 3, floor: 2 / 3 };
const SEED = 1;
const MORNING = { from: pdt('05:30', 20), until: pdt('09:36', 20) };
const WORST_MINUTE_ERROR_RATE = 0.2;
const MAX_DNS_CHANGES_PER_HOUR = 6;

/**
 * A fresh policy for every check. Each check of steps 1 to 3 comes more than an hour after
 * the removals of the checks before it, or after they were forgotten, so that a history
 * shared between policies shows up at step 8, which is about it, and not as a wrong limit.
 */
const policy = () => createVelocityControl(LIMITS);

function az(name: string, state: { unhealthy?: boolean; withdrawn?: boolean; healthyFraction?: number; capacity?: number } = {}): AzStatus {
  const unhealthy = state.unhealthy ?? false;
  return {
    az: name,
    capacity: state.capacity ?? 1 / 3,
    healthyFraction: state.healthyFraction ?? (unhealthy ? 0.4 : 0.97),
    unhealthy,
    withdrawn: state.withdrawn ?? false,
  };
}

/** An NLB with a node in each of us-east-1's six AZs, each a sixth of its nodes. */
const SIX_AZS = ['use1-az1', 'use1-az2', 'use1-az3', 'use1-az4', 'use1-az5', 'use1-az6'] as const;
function sixth(name: string, state: { unhealthy?: boolean; withdrawn?: boolean } = {}): AzStatus {
  return az(name, { ...state, capacity: 1 / 6 });
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

let october: NlbRun | undefined;
/** One run of the October morning with your policy, shared by the steps that read it. */
function octoberRun(): NlbRun {
  october ??= runNlbScenario(october2025Nlb, { seed: SEED, policy });
  return october;
}

function withFailures(failures: NlbScenario['failures'], until: string): NlbScenario {
  return { ...calmNlb, name: 'dead-az', startMs: pdt('05:50', 20), endMs: pdt(until, 20), failures };
}

describe('lesson 03: a velocity control for NLB AZ failover', () => {
  it('step 1: failover never leaves less than two thirds of the nodes in DNS', () => {
    const together = policy().decide({
      now: pdt('06:52', 20),
      azs: [az('a', { unhealthy: true, healthyFraction: 0.6 }), az('b', { unhealthy: true, healthyFraction: 0.1 }), az('c')],
    });
    expect(
      together.length,
      `At 06:52 AZs a and b both failed their health checks and the policy withdrew [${together.join(', ')}]. ` +
        'One of them may go, but taking both leaves a third of the nodes to carry every client.',
    ).toBe(1);
    expect(
      together,
      `At 06:52 AZ a still had 60% of its targets in service and AZ b 10%; the floor lets one of them go and the policy withdrew ${together.join(', ')}. ` +
        "Keeping b in DNS sends its clients to a node that fails nine connections in ten: withdraw the AZ with the fewest targets in service first.",
    ).toEqual(['b']);
    const later = policy().decide({ now: pdt('08:52', 20), azs: [az('a', { unhealthy: true, withdrawn: true }), az('b', { unhealthy: true }), az('c')] });
    expect(
      later,
      `AZ a has been out of DNS for two hours and is still unhealthy; at 08:52 the policy kept out [${later.join(', ')}]. ` +
        'Putting a back while its health checks still fail sends clients to it: it stays out, its removal was paid for.',
    ).toContain('a');
    expect(
      later,
      `AZ a has been out of DNS for two hours; at 08:52 AZ b failed too and the policy kept out [${later.join(', ')}]. ` +
        "The hour's budget is back, but the floor is not: two thirds of the nodes stay published.",
    ).toEqual(['a']);
    const six = policy().decide({
      now: pdt('04:00', 20),
      azs: SIX_AZS.map((name, i) => sixth(name, { unhealthy: i < 4, withdrawn: i === 0 })),
    });
    expect(
      six,
      `An NLB in all six AZs of us-east-1, each a sixth of its nodes: use1-az1 has been out of DNS for hours, and at 04:00 ` +
        `use1-az2, az3 and az4 failed their checks too. The policy kept out [${six.join(', ')}]. The hour's budget allows two more sixths, ` +
        'but the floor allows only one: after the first withdrawal two thirds of the nodes are left, and each later one must be weighed against what is left after the ones before it in the same call.',
    ).toHaveLength(2);
  });

  it('step 2: an AZ that came back cannot be withdrawn again within the hour', () => {
    const six = policy();
    six.decide({ now: pdt('05:10', 20), azs: SIX_AZS.map((name, i) => sixth(name, { unhealthy: i === 5 })) });
    const later = six.decide({ now: pdt('05:40', 20), azs: SIX_AZS.map((name, i) => sixth(name, { unhealthy: i < 3 })) });
    expect(
      later,
      `An NLB in all six AZs of us-east-1, each a sixth of its nodes: failover withdrew use1-az6 at 05:10, and it came back. ` +
        `At 05:40 use1-az1, az2 and az3 failed their checks and the policy withdrew [${later.join(', ')}]. Taking capacity out again and again ` +
        "within the hour is the churn that kept the health-check subsystem overloaded: the hour's budget is a third of the nodes, a sixth " +
        'is spent, so one more AZ may go, not two, and each withdrawal in the same call spends the budget too.',
    ).toHaveLength(1);
    const p = policy();
    const t = pdt('06:52', 20);
    p.decide({ now: t, azs: [az('a', { unhealthy: true }), az('b'), az('c')] });
    p.decide({ now: t + 5 * MINUTE, azs: [az('a', { withdrawn: true }), az('b'), az('c')] });
    const again = p.decide({ now: t + 10 * MINUTE, azs: [az('a', { unhealthy: true }), az('b'), az('c')] });
    expect(
      again,
      'AZ a was withdrawn at 06:52, restored at 06:57 and flapped again at 07:02. Withdrawing it a second time within ' +
        'the hour is the oscillation that kept the health-check subsystem overloaded: the hour has a budget of one AZ.',
    ).toEqual([]);
  });

  it('step 3: once the window has passed, failover may remove capacity again', () => {
    const p = policy();
    const t = pdt('06:52', 20);
    p.decide({ now: t, azs: [az('a', { unhealthy: true }), az('b'), az('c')] });
    p.decide({ now: t + 5 * MINUTE, azs: [az('a', { withdrawn: true }), az('b'), az('c')] });
    const later = p.decide({ now: t + HOUR + MINUTE, azs: [az('a'), az('b', { unhealthy: true }), az('c')] });
    expect(
      later,
      'AZ b failed its checks at 07:53, an hour after the last removal: the window has moved on, so failover may act again.',
    ).toEqual(['b']);
  });

  it('step 4: on the October morning published capacity never drops below two thirds and no minute loses 20% of connections', HEAVY, () => {
    const morning = summarizeNlb(octoberRun(), MORNING);
    expect(
      morning.minPublishedCapacity,
      `Between 05:30 and 09:36 failover left only ${percent(morning.minPublishedCapacity)} of the NLB's nodes in DNS: ` +
        'healthy capacity was withdrawn, as it was on 20 October.',
    ).toBeGreaterThanOrEqual(2 / 3 - 1e-9);
    expect(
      morning.maxErrorRate,
      `In the worst minute of the morning ${percent(morning.maxErrorRate)} of client connections failed; ` +
        `with a velocity control it stays under ${percent(WORST_MINUTE_ERROR_RATE)}.`,
    ).toBeLessThan(WORST_MINUTE_ERROR_RATE);
  });

  it(`step 5: on the October morning DNS changes stay at ${MAX_DNS_CHANGES_PER_HOUR} or fewer in any hour (no oscillation)`, HEAVY, () => {
    const morning = summarizeNlb(octoberRun(), MORNING);
    expect(
      morning.maxDnsChangesPerHour,
      `Failover withdrew and restored AZs ${morning.maxDnsChangesPerHour} times within one hour. Every change triggered ` +
        'more health checks, which failed more AZs: the loop a velocity control must break.',
    ).toBeLessThanOrEqual(MAX_DNS_CHANGES_PER_HOUR);
  });

  it('step 6: an AZ whose every target is dead is still withdrawn within 3 minutes', HEAVY, () => {
    const diedAt = pdt('06:00', 20);
    const run = runNlbScenario(withFailures([{ az: 'us-east-1b', at: diedAt }], '06:30'), { seed: SEED, policy });
    const withdrawal = run.dnsChanges.find((c) => c.az === 'us-east-1b' && c.change === 'withdrawn');
    const after = withdrawal === undefined ? Infinity : withdrawal.time - diedAt;
    expect(
      after,
      `Every target in us-east-1b died at 06:00 and its node was ${withdrawal === undefined ? 'never withdrawn' : `withdrawn at ${formatHourMinute(withdrawal.time)}`}: ` +
        'a velocity control limits how fast capacity goes, it must not keep a dead AZ in DNS.',
    ).toBeLessThanOrEqual(3 * MINUTE);
    const last = run.samples[run.samples.length - 1];
    expect(last?.azInAnswer[1], 'At 06:30 the dead AZ us-east-1b was back in DNS although none of its targets answer.').toBe(false);
  });

  it('step 7: with every AZ unhealthy, Route 53 answers with all of them (fail open)', HEAVY, () => {
    const run = runNlbScenario(
      withFailures(
        [
          { az: 'us-east-1a', at: pdt('06:00', 20) },
          { az: 'us-east-1b', at: pdt('06:10', 20) },
          { az: 'us-east-1c', at: pdt('06:20', 20) },
        ],
        '06:40',
      ),
      { seed: SEED, policy },
    );
    const allDown = run.samples.filter((s) => s.time >= pdt('06:25', 20));
    const partial = allDown.find((s) => s.publishedCapacity < 1);
    expect(
      partial === undefined ? 'all nodes in DNS' : `${percent(partial.publishedCapacity)} of the nodes in DNS at ${formatHourMinute(partial.time)}`,
      'By 06:25 every AZ had failed. No AZ is better than another, so the answer should hold every node (fail open), ' +
        'not only the ones the velocity control happened to keep.',
    ).toBe('all nodes in DNS');
  });

  it('step 8: the same seed gives the same decisions, run after run', HEAVY, () => {
    const again = runNlbScenario(october2025Nlb, { seed: SEED, policy });
    const first = octoberRun().dnsChanges.map((c) => `${formatHourMinute(c.time)} ${c.az} ${c.change}`);
    const second = again.dnsChanges.map((c) => `${formatHourMinute(c.time)} ${c.az} ${c.change}`);
    expect(
      second,
      'Two runs of the October morning with seed 1 made different DNS changes. Keep the removal history inside ' +
        'createVelocityControl (not at module level) and take time only from input.now.',
    ).toEqual(first);
  });
});
