import { describe, expect, it } from 'vitest';
import {
  FIX_LABELS,
  FIX_NAMES,
  REGION_SERVICES,
  calmNlb,
  fixNames,
  formatHourMinute,
  formatImpactTable,
  impactMinutes,
  october2025Region,
  pdt,
  runNlbScenario,
  runRegion,
  variantOf,
  type FixName,
  type ImpactMinutes,
  type RegionFixes,
  type RegionNight,
  type RegionService,
} from '@outage-lab/core';
import { regionFixes } from '../src/fixes.ts';
import { atLeastHalved, dynamoUntouched } from '../src/game-day.ts';

/** A budget for the steps that run a whole night, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

const DOWNSTREAM: readonly RegionService[] = ['ec2Launches', 'ec2Network', 'nlb'];

const nights = new Map<string, RegionNight>();
/**
 * One run per set of fixes: a starter with no fix wired in replays the night as it happened.
 * The DNS model runs first and sees no other fix, so a set without the Enactor reuses the
 * DNS night as it happened instead of running it again.
 */
function nightWith(fixes: RegionFixes): RegionNight {
  const key = fixNames(fixes).join('+');
  let night = nights.get(key);
  if (night === undefined) {
    const dnsNight = key !== '' && fixes.enactor === undefined ? asItHappened().dns : undefined;
    night = runRegion(october2025Region, { fixes, ...(dnsNight === undefined ? {} : { dnsNight }) });
    nights.set(key, night);
  }
  return night;
}

/** The night as it happened, with the operators at AWS's times and no fix. */
const asItHappened = (): RegionNight => nightWith({});
/** The same night with your three fixes in place. */
const withEveryFix = (): RegionNight => nightWith(regionFixes());
/** The same night with your fixes, except the DNS one: the race happens again. */
const withoutDnsFix = (): RegionNight => {
  const { failoverPolicy, throttle } = regionFixes();
  return nightWith({ ...(failoverPolicy === undefined ? {} : { failoverPolicy }), ...(throttle === undefined ? {} : { throttle }) });
};

/** Your fixes, only the one named: the night as it happened plus that fix and nothing else. */
const withOnly = (name: FixName): RegionNight => {
  const { enactor, failoverPolicy, throttle } = regionFixes();
  if (name === 'dns') return nightWith(enactor === undefined ? {} : { enactor });
  if (name === 'nlb') return nightWith(failoverPolicy === undefined ? {} : { failoverPolicy });
  return nightWith(throttle === undefined ? {} : { throttle });
};

/** The service each fix is for: the one its own lesson protects. */
const OWN_SERVICE: Readonly<Record<FixName, RegionService>> = { dns: 'dynamodb', nlb: 'nlb', ec2: 'ec2Launches' };

function table(...nights: RegionNight[]): string {
  return formatImpactTable(nights.map((night) => ({ variant: variantOf(night.fixes), night, impact: impactMinutes(night) })));
}

/** Services by their labels, as one phrase that opens a sentence: "NLB connection errors and EC2 launch failures". */
function labelsOf(services: readonly RegionService[]): string {
  const labels = services.map((service) => REGION_SERVICES.find((s) => s.service === service)?.label ?? service);
  const phrase = labels.length <= 1 ? (labels[0] ?? 'no service') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
  // It opens a sentence.
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

function dynamoStory(night: RegionNight): string {
  const empty = night.dns.answers.find((a) => a.addresses.length === 0);
  const failing = night.minutes.filter((m) => m.dynamoErrorRate > 0);
  if (empty === undefined && failing.length === 0) return '';
  const since = empty === undefined ? '' : `dynamodb.us-east-1.amazonaws.com answered with no addresses from ${formatHourMinute(empty.time)}; `;
  return `${since}clients failed in ${failing.length} minutes, from ${formatHourMinute(failing[0]?.time ?? 0)} to ${formatHourMinute(failing[failing.length - 1]?.time ?? 0)}.`;
}

describe('lesson 05: the cascade, one Region with every fix', () => {
  it('step 1: all three fixes are wired into the Region', () => {
    const wired = fixNames(regionFixes());
    const missing = FIX_NAMES.filter((name) => !wired.includes(name)).map((name) => FIX_LABELS[name]);
    expect(missing, `regionFixes() leaves out: ${missing.join('; ')}. AWS announced all three; the Region runs the night without them.`).toEqual([]);
  });

  it('step 2: with every fix in, the race of 23:50 costs DynamoDB not one failed request', HEAVY, () => {
    const night = withEveryFix();
    expect(
      impactMinutes(night).dynamodb,
      `With your fixes in place ${dynamoStory(night)} The Enactor with generation checks should never let an old plan ` +
        'overwrite a newer one, nor clean up the plan an endpoint is serving.',
    ).toBe(0);
  });

  it('step 3: with DynamoDB whole, no droplet loses its lease and nothing downstream breaks', HEAVY, () => {
    const night = withEveryFix();
    const impact = impactMinutes(night);
    expect(
      DOWNSTREAM.filter((s) => impact[s] > 0),
      `Downstream services still lost impact minutes with every fix in place:\n${table(asItHappened(), night)}\n` +
        `${labelsOf(DOWNSTREAM.filter((s) => impact[s] > 0))} lost minutes on a night when DynamoDB never failed, so no droplet should have lost its lease.`,
    ).toEqual([]);
  });

  it('step 4: your first game-day check fails a night that hurt DynamoDB, saying from when, and passes the night with every fix', HEAVY, () => {
    const night = asItHappened();
    const verdict = dynamoUntouched(night);
    expect(
      verdict,
      `On the night as it happened ${dynamoStory(night)} dynamoUntouched let that night pass: a game day ` +
        'that cannot see the outage it replays proves nothing.',
    ).toEqual(expect.stringMatching(/\S/));
    const began = formatHourMinute(night.minutes.find((m) => m.dynamoErrorRate > 0)?.time ?? 0);
    expect(verdict, `The verdict must name the service that broke (DynamoDB) and when its requests began to fail (${began}); it said: "${verdict}".`).toMatch(/dynamodb/i);
    expect(verdict, `The verdict must say when DynamoDB's requests began to fail (${began}); it said: "${verdict}".`).toContain(began);
    const ended = formatHourMinute([...night.minutes].reverse().find((m) => m.dynamoErrorRate > 0)?.time ?? 0);
    expect(verdict, `The verdict must say until when DynamoDB's requests failed (${ended}); it said: "${verdict}".`).toContain(ended);
    const lost = String(impactMinutes(night).dynamodb);
    expect(verdict, `The verdict must say how much DynamoDB lost (${lost} impact minutes), so nobody has to re-run the night; it said: "${verdict}".`).toContain(lost);
    // A shorter, partial outage at another hour: a check that keys on whole minutes or on 23:48 misses it.
    const from = pdt('01:10', 20);
    const until = pdt('01:40', 20);
    const partial: RegionNight = { ...night, minutes: night.minutes.map((m) => ({ ...m, dynamoErrorRate: m.time >= from && m.time < until ? 0.3 : 0 })) };
    const second = dynamoUntouched(partial);
    expect(
      second,
      'On a night where three in ten DynamoDB requests failed from 01:10 to 01:40, dynamoUntouched ' +
        (second === null ? 'let it pass: a game day is about zero failed requests, not whole minutes of outage.' : `said "${second}", which does not say the failures began at 01:10.`),
    ).toEqual(expect.stringContaining('01:10'));
    expect(dynamoUntouched(withEveryFix()), 'With every fix in, DynamoDB lost nothing, yet dynamoUntouched failed the night.').toBeNull();
  });

  it('step 5: with the DNS fix deliberately removed, throttling and velocity control at least halve EC2 and NLB impact', HEAVY, () => {
    const before = impactMinutes(asItHappened());
    const after = impactMinutes(withoutDnsFix());
    const shown = table(asItHappened(), withoutDnsFix());
    expect(
      after.dynamodb,
      `Without the DNS fix the race should happen again and DynamoDB fail as it did:\n${shown}\n` +
        `DynamoDB lost ${after.dynamodb} impact minutes instead of October's ${before.dynamodb}: removing the DNS fix must bring the race of 23:48 back.`,
    ).toBe(before.dynamodb);
    const notHalved = DOWNSTREAM.filter((s) => after[s] > before[s] / 2);
    expect(
      notHalved,
      'DynamoDB still disappears at 23:48, but DWFM should then re-lease the fleet without collapsing and Network Manager keep ' +
        `new instances within minutes of their network. These services kept more than half of their impact minutes:\n${shown}\n` +
        `${labelsOf(notHalved)} kept more than half of October's impact minutes with throttling and the velocity control in.`,
    ).toEqual([]);
  });

  it('step 6: your second game-day check passes that night and names every service a weaker fix leaves more than half hurt', HEAVY, () => {
    const before = impactMinutes(asItHappened());
    const after = impactMinutes(withoutDnsFix());
    expect(
      atLeastHalved(before, after, DOWNSTREAM),
      `The fixes halved every service asked about (EC2 launches, new instances' network, NLB); only those count, not DynamoDB, which no downstream fix can help:\n${table(asItHappened(), withoutDnsFix())}\n` +
        'Yet atLeastHalved failed that night.',
    ).toBeNull();
    const trimmed: ImpactMinutes = { ...after, nlb: Math.round(before.nlb * 0.6), ec2Network: Math.round(before.ec2Network * 0.75) };
    const verdict = atLeastHalved(before, trimmed, DOWNSTREAM);
    expect(
      verdict,
      `A fix set that only took NLB errors from ${before.nlb} to ${trimmed.nlb} impact minutes and new instances' network ` +
        `from ${before.ec2Network} to ${trimmed.ec2Network} passed atLeastHalved.`,
    ).toEqual(expect.stringMatching(/\S/));
    expect(verdict, 'The verdict should name both services that were not halved.').toMatch(/NLB connection errors/);
    expect(verdict, 'The verdict should name both services that were not halved.').toMatch(/new EC2 instances without network/);
    expect(
      atLeastHalved(before, { ...after, dynamodb: before.dynamodb }, DOWNSTREAM),
      'Only the services asked about count: DynamoDB was not one of them.',
    ).toBeNull();
    const exactlyHalf: ImpactMinutes = { ...after, nlb: before.nlb / 2 };
    expect(
      atLeastHalved(before, exactlyHalf, DOWNSTREAM),
      `A fix set that took NLB errors from ${before.nlb} to exactly half, ${before.nlb / 2} impact minutes, halved them: "at least halved" includes half.`,
    ).toBeNull();
  });

  it("step 7: each fix, wired alone into the night as it happened, at least halves its own service's impact", HEAVY, () => {
    const before = impactMinutes(asItHappened());
    const weak = FIX_NAMES.flatMap((name) => {
      const service = OWN_SERVICE[name];
      const alone = impactMinutes(withOnly(name))[service];
      const label = REGION_SERVICES.find((s) => s.service === service)?.label ?? service;
      return alone > before[service] / 2 ? [`${FIX_LABELS[name]} alone: ${label} ${alone} impact minutes against ${before[service]} as it happened`] : [];
    });
    expect(
      weak,
      'A fix must earn its place on a night that needs it, without the others covering for it. On 20 October, with the DNS race ' +
        'and the EC2 backlog left in, automatic failover withdrew AZs of four load balancers; the velocity control alone should keep ' +
        'most of their connections, the throttle alone most launches, the Enactor alone every DynamoDB request:\n' +
        `${weak.join('\n')}\n${table(asItHappened(), ...FIX_NAMES.map(withOnly))}\n` +
        `${weak.length === 1 ? 'One fix' : `${weak.length} fixes`} did not halve ${weak.length === 1 ? 'its' : 'their'} own service's impact on the night that needs ${weak.length === 1 ? 'it' : 'them'}.`,
    ).toEqual([]);
    const thinnest = withOnly('nlb').minutes.reduce((low, m) => (m.nlbCapacityInDns < low.nlbCapacityInDns ? m : low));
    expect(
      thinnest.nlbCapacityInDns,
      `With your velocity control alone, at ${formatHourMinute(thinnest.time)} a load balancer had only ${Math.round(thinnest.nlbCapacityInDns * 100)}% ` +
        'of its nodes in DNS: failover still pulled two of three AZs at once. Wire it with the limits lesson 03 tested (a floor of two thirds, ' +
        "one AZ's worth an hour), or it is October's failover under another name.",
    ).toBeGreaterThanOrEqual(2 / 3 - 1e-9);
    const churn = Math.max(0, ...withOnly('nlb').nlb.tiers.flatMap((t) => t.run.samples.map((s) => s.dnsChangesLastHour)));
    expect(
      churn,
      `With your velocity control alone, a load balancer's AZs were withdrawn and restored ${churn} times within one hour. Each change ` +
        "re-checks the AZ and can fail it again: the loop lesson 03's budget (one AZ's worth an hour) breaks. Wire it with that budget.",
    ).toBeLessThanOrEqual(6);
  });

  it('step 8: the velocity control you wired still withdraws a dead AZ within 3 minutes, fresh every night', HEAVY, () => {
    const { failoverPolicy } = regionFixes();
    expect(failoverPolicy, 'regionFixes() hands the Region no failover policy, so NLB failover runs as it did in October.').toBeDefined();
    const diedAt = pdt('06:00', 20);
    const scenario = { ...calmNlb, name: 'dead-az', startMs: pdt('05:50', 20), endMs: pdt('06:30', 20), failures: [{ az: 'us-east-1b', at: diedAt }] };
    const nightsRun = [1, 2].map(() => runNlbScenario(scenario, { seed: 1, ...(failoverPolicy === undefined ? {} : { policy: failoverPolicy }) }));
    nightsRun.forEach((run, i) => {
      const withdrawal = run.dnsChanges.find((c) => c.az === 'us-east-1b' && c.change === 'withdrawn');
      const after = withdrawal === undefined ? Infinity : withdrawal.time - diedAt;
      const which = i === 0 ? 'On the first night' : 'On a second night with the same factory';
      expect(
        after,
        `${which}, every target in us-east-1b died at 06:00 and its node was ${withdrawal === undefined ? 'never withdrawn' : `withdrawn at ${formatHourMinute(withdrawal.time)}`}. ` +
          (i === 0
            ? "A velocity control limits how fast healthy capacity goes; one that never lets an AZ go is failover switched off, and a dead AZ's clients fail until someone notices."
            : "The first night's removals were still in the policy's window: every night (and every load balancer) needs a velocity control of its own."),
      ).toBeLessThanOrEqual(3 * 60_000);
    });
  });
});
