import { createDnsModel, explainFailure, smallScope } from '@outage-lab/core';
import { DNS_INVARIANTS } from '@outage-lab/core/judge';
import { describe, expect, it } from 'vitest';
import { ENACTOR_PROGRAMS } from '../../src/live/enactors.ts';
import { PlayerSession, readSource, sourceText, withSeed } from '../../src/live/player-session.ts';
import { renderPlayerView } from '../../src/live/player-view.ts';

const RACE = 'smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2';

describe('the race player, away from the browser', () => {
  it('shows after n steps the timeline `npm run explore -- --replay` prints for the same string', () => {
    const session = new PlayerSession(readSource(RACE));
    session.goTo(10);
    const model = createDnsModel(smallScope.config, { name: 'smallScope' });
    const spec = readSource(RACE);
    const cx = explainFailure(model, { seed: spec.seed, scheduler: { kind: 'replay', choices: spec.choices ?? [] }, invariants: DNS_INVARIANTS, untilMs: smallScope.untilMs, shrink: false });
    expect(cx?.violation.step).toBe(9);
    expect(session.timeline()).toBe(cx?.timeline);
  });

  it('goes back exactly: the view one step back is the view it had there', () => {
    const session = new PlayerSession(readSource(RACE));
    const views: string[] = [renderPlayerView(session)];
    while (session.step()) views.push(renderPlayerView(session));
    expect(views).toHaveLength(12);
    for (let n = views.length - 2; n >= 0; n--) {
      session.goTo(n);
      expect(renderPlayerView(session), `view at step ${n}`).toBe(views[n]);
    }
  });

  it('lights each invariant: green before the stale write, red at it, and the deletion after', () => {
    const session = new PlayerSession(readSource(RACE));
    session.goTo(9);
    expect(session.lights().map((l) => l.status)).toEqual(['holds', 'holds', 'holds', 'pending']);
    session.goTo(10);
    expect(session.lights().map((l) => l.status)).toEqual(['holds', 'broken', 'holds', 'pending']);
    session.goTo(11);
    expect(session.lights().map((l) => [l.status, l.firstBrokenAt])).toEqual([
      ['broken', 11],
      ['was-broken', 10],
      ['broken', 11],
      ['pending', null],
    ]);
  });

  it('plays the same schedule against the fixed Enactor without breaking anything', () => {
    const session = new PlayerSession(readSource(RACE), ENACTOR_PROGRAMS['fixed']?.());
    session.goTo(Number.MAX_SAFE_INTEGER);
    expect(session.steps).toBeGreaterThan(9);
    expect(session.firstBreaks()).toEqual([]);
  });

  it('reads back what it writes, and changes only the seed when asked', () => {
    const source = readSource(RACE);
    expect(sourceText(source)).toBe(RACE);
    expect(sourceText(withSeed(source, 7))).toBe(RACE.replace('#0:', '#7:'));
    expect(sourceText(readSource('october2025@timed#20251019'))).toBe('october2025@timed#20251019');
  });

  it('refuses a bad replay string or seed in one line that names what is wrong and what is valid', () => {
    const problems = ['smallScope@replay#x:P', 'october2052@timed#1', 'smallScope@replay#0:P.a9.a1'].map((text) => {
      try {
        readSource(text);
        return 'accepted';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    });
    expect(problems[0]).toMatch(/^replay: "smallScope@replay#x:P" has seed "x", not a whole number from 0 to \d+ \(valid: <scenario>@timed#<seed>/);
    expect(problems[1]).toBe('replay: no scenario named "october2052" (valid: happyPath, october2025, smallScope, october2025Exploration)');
    expect(problems[2]).toBe('replay: step 2 names "a9", which is no actor of smallScope (valid: P, a1, a2, O)');
    expect(problems.every((p) => !p.includes('\n'))).toBe(true);
    expect(() => withSeed(readSource(RACE), -1)).toThrow(/^seed: "-1" is not a whole number/);
  });
});
