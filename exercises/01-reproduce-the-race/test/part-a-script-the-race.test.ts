import { describe, expect, it } from 'vitest';
import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, formatClock, formatDuration } from '@outage-lab/core';
import { october2025 } from '@outage-lab/core/judge';
import { myRace } from '../src/scenario.ts';
import { raceFacts, regionalStory, runNight, twinWentEmpty } from './support.ts';

/** A budget for the steps that run a whole night, so that a busy laptop is never a failure. */
const HEAVY = { timeout: 120_000 };

describe('Lesson 01 · Part A: script the race', () => {
  const night = runNight(myRace);
  const facts = raceFacts(night);
  const regional = (i: number) => night.observations[i]?.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);

  it('step 1: dynamodb.us-east-1.amazonaws.com answers NOERROR with no addresses', HEAVY, () => {
    expect(
      JSON.stringify(myRace.config) === JSON.stringify(october2025.config),
      "myRace is the core's own october2025 scenario, copied: the point of Part A is to find the window yourself. Start from ordinaryNight() and shape when things happen.",
    ).toBe(false);
    expect(facts.emptyAt, `${REGIONAL_ENDPOINT} kept answering all night: no Enactor ever wrote an old plan that clean-up then deleted.\n\n${regionalStory(night)}`).not.toBeNull();
  });

  it('step 2: its IPv6 twin dynamodb.us-east-1.api.aws goes empty with it (one regional plan serves both)', HEAVY, () => {
    expect(twinWentEmpty(night), `${IPV6_ENDPOINT} never went empty.\n\n${regionalStory(night)}`).toBe(true);
  });

  it('step 3: the system is wedged: newer plans keep coming, none reaches the regional endpoint', HEAVY, () => {
    expect(facts.emptyAt, `the regional endpoint never went empty, so nothing could wedge.\n\n${regionalStory(night)}`).not.toBeNull();
    const at = facts.emptyAt ?? night.observations.length - 1;
    const published = (night.final.newestGeneration ?? 0) - (night.observations[at]?.newestGeneration ?? 0);
    expect(published, `after the endpoint went empty the Planner published ${published} plans; run the night long enough to see at least 5 (runUntil)\n\n${regionalStory(night)}`).toBeGreaterThanOrEqual(5);
    const stuck = regional(at)?.activeGeneration;
    const moved = night.observations.findIndex((o, i) => i > at && o.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.activeGeneration !== stuck);
    const step = night.trace[moved - 1];
    expect(
      moved < 0 ? null : `${formatClock(step?.time ?? 0)} ${step?.actor}: ${step?.action}`,
      'an Enactor still moved the regional endpoint to another plan after it went empty: the system was not wedged',
    ).toBeNull();
    expect(night.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.answers.length, 'the regional endpoint must still be empty when the night ends: only operators could repair it').toBe(0);
  });

  it('step 4: the timeline shows why: a freshness check long before the stale write, then clean-up deleting what it wrote', HEAVY, () => {
    const { staleWrite, deletion, checkedAt } = facts;
    expect(staleWrite, `no Enactor moved the regional endpoint back to an older plan: there was no race.\n\n${regionalStory(night)}`).not.toBeNull();
    if (staleWrite === null) return;
    expect(
      deletion?.generation,
      `${staleWrite.actor} wrote gen ${staleWrite.to} over gen ${staleWrite.from} at ${formatClock(staleWrite.time)}, but no clean-up then deleted the set it wrote: a stale write alone is not the outage.\n\n${regionalStory(night)}`,
    ).toBe(staleWrite.to);
    const age = checkedAt === null ? 0 : staleWrite.time - checkedAt;
    expect(
      age,
      `${staleWrite.actor} checked gen ${staleWrite.to}'s freshness only ${formatDuration(age)} before its stale write: make it fall further behind, as az1 did for 37 minutes`,
    ).toBeGreaterThan(5 * 60_000);
  });
});
