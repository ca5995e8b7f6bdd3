import { describe, expect, it } from 'vitest';
import { IPV6_ENDPOINT, REGIONAL_ENDPOINT, formatClock } from '@outage-lab/core';
import { myRace } from '../src/scenario.ts';
import { firstEmpty, regionalStory, runNight } from './support.ts';

describe('Lesson 01 · Part A: script the race', () => {
  const night = runNight(myRace);
  const empty = firstEmpty(night);
  const emptyAt = night.observations.findIndex((o) => o.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.answers.length === 0);

  it('step 1: dynamodb.us-east-1.amazonaws.com answers NOERROR with no addresses', () => {
    expect(empty, `${REGIONAL_ENDPOINT} kept answering all night: no Enactor ever wrote an old plan that clean-up then deleted.\n\n${regionalStory(night)}`).toBeDefined();
  });

  it('step 2: its IPv6 twin dynamodb.us-east-1.api.aws goes empty with it (one regional plan serves both)', () => {
    const twinEmpty = night.observations.some((o) => o.endpoints.find((e) => e.name === IPV6_ENDPOINT)?.answers.length === 0);
    expect(twinEmpty, `${IPV6_ENDPOINT} never went empty.\n\n${regionalStory(night)}`).toBe(true);
  });

  it('step 3: the system is wedged: newer plans keep coming, none reaches the regional endpoint', () => {
    const after = night.trace.filter((s) => emptyAt >= 0 && s.index >= emptyAt);
    const published = after.filter((s) => s.actor === 'dns-planner').length;
    const applied = after.filter((s) => s.ok && s.action.startsWith('apply') && s.action.endsWith(` ${REGIONAL_ENDPOINT}`));
    expect(published, `after the endpoint went empty the Planner published ${published} plans; run the night long enough to see at least 5 (runUntil)\n\n${regionalStory(night)}`).toBeGreaterThanOrEqual(5);
    expect(
      applied.map((s) => `${formatClock(s.time)} ${s.actor}: ${s.action}`),
      `an Enactor still managed to apply a newer plan to the regional endpoint: the system was not wedged`,
    ).toEqual([]);
    const stillEmpty = night.final.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.answers.length;
    expect(stillEmpty, 'the regional endpoint must still be empty when the night ends: only operators could repair it').toBe(0);
  });

  it('step 4: the timeline shows why: a one-time freshness check, long before the stale write', () => {
    const stale = night.trace.find((s) => s.action.endsWith(` ${REGIONAL_ENDPOINT}`) && s.result.includes('overwrote newer gen'));
    expect(stale, `no Enactor overwrote a newer plan on the regional endpoint.\n\n${regionalStory(night)}`).toBeDefined();
    const check = night.trace.findLast((s) => s.actor === stale?.actor && s.action.startsWith('check freshness') && s.index < (stale?.index ?? 0));
    expect(check?.result, 'the stale Enactor should have passed its freshness check once, at the start').toMatch(/checked once/);
    const age = (stale?.time ?? 0) - (check?.time ?? 0);
    expect(age, `the freshness check was only ${Math.round(age / 1000)} s old when the stale write landed: make the Enactor fall further behind`).toBeGreaterThan(5 * 60_000);
  });
});
