import { assert, describe, it } from 'vitest';
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
    assert(
      JSON.stringify(myRace.config) !== JSON.stringify(october2025.config),
      "myRace is the core's own october2025 scenario, copied: the point of Part A is to find the window yourself. Start from ordinaryNight() and shape when things happen.",
    );
    assert(facts.emptyAt !== null, `${REGIONAL_ENDPOINT} kept answering all night: no Enactor ever wrote an old plan that clean-up then deleted.\n\n${regionalStory(night)}`);
  });

  it('step 2: its IPv6 twin dynamodb.us-east-1.api.aws goes empty with it (one regional plan serves both)', HEAVY, () => {
    assert(twinWentEmpty(night), `${IPV6_ENDPOINT} never went empty, though it is served from the same plan entry as ${REGIONAL_ENDPOINT}.\n\n${regionalStory(night)}`);
  });

  it('step 3: the system is wedged: newer plans keep coming, none reaches the regional endpoint', HEAVY, () => {
    assert(facts.emptyAt !== null, `the regional endpoint never went empty, so nothing could wedge.\n\n${regionalStory(night)}`);
    const at = facts.emptyAt;
    const published = (night.final.newestGeneration ?? 0) - (night.observations[at]?.newestGeneration ?? 0);
    assert(
      published >= 5,
      `after the regional endpoint went empty at ${formatClock(night.observations[at]?.time ?? 0)} the Planner published only ${published} plans before your night ended: run it long enough to see at least 5 (runUntil) and show that none of them repairs it.\n\n${regionalStory(night)}`,
    );
    const stuck = regional(at)?.activeGeneration;
    const moved = night.observations.findIndex((o, i) => i > at && o.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.activeGeneration !== stuck);
    const step = night.trace[moved - 1];
    assert(
      moved < 0,
      `at ${formatClock(step?.time ?? 0)} ${step?.actor} moved the regional endpoint off gen ${stuck ?? 'none'} (${step?.action}): the system was not wedged, an Enactor could still apply plans after the endpoint went empty.`,
    );
    const finalAnswers = night.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.answers.length ?? 0;
    assert(finalAnswers === 0, `the regional endpoint answered ${finalAnswers} addresses again when your night ended at ${formatClock(myRace.untilMs)}: only operators could repair it, at 02:25.`);
  });

  it('step 4: the timeline shows why: a freshness check long before the stale write, then clean-up deleting what it wrote', HEAVY, () => {
    const { staleWrite, deletion, checkedAt } = facts;
    assert(staleWrite !== null, `no Enactor moved the regional endpoint back to an older plan: there was no race.\n\n${regionalStory(night)}`);
    assert(
      deletion?.generation === staleWrite.to,
      `${staleWrite.actor} wrote gen ${staleWrite.to} over gen ${staleWrite.from} at ${formatClock(staleWrite.time)}, but no clean-up then deleted the set it wrote: a stale write alone is not the outage.\n\n${regionalStory(night)}`,
    );
    const age = checkedAt === null ? 0 : staleWrite.time - checkedAt;
    assert(
      age > 5 * 60_000,
      `${staleWrite.actor} checked gen ${staleWrite.to}'s freshness only ${formatDuration(age)} before its stale write at ${formatClock(staleWrite.time)}: make it fall further behind, as az1 did for 37 minutes.`,
    );
  });
});
