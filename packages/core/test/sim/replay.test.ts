import { describe, expect, it } from 'vitest';
import { ConfigError, formatReplay, parseReplay } from '../../src/index.ts';

describe('replay strings', () => {
  it('round-trip a timed run and an untimed schedule', () => {
    expect(parseReplay(formatReplay('october2025', 20251351, null))).toEqual({ scenario: 'october2025', seed: 20251351, scheduler: { kind: 'timed' }, invariants: null });
    expect(parseReplay(formatReplay('smallScope', 3, ['P', 'a1', 'a2']))).toEqual({
      scenario: 'smallScope',
      seed: 3,
      scheduler: { kind: 'replay', choices: ['P', 'a1', 'a2'] },
      invariants: null,
    });
  });

  it('carry the invariants the run checked, so the replay checks the same ones', () => {
    const text = formatReplay('smallScope', 0, ['P', 'a1'], ['regional-endpoint-resolves', 'newest-plan-applied']);
    expect(text).toBe('smallScope@replay#0:P.a1/regional-endpoint-resolves,newest-plan-applied');
    expect(parseReplay(text).invariants).toEqual(['regional-endpoint-resolves', 'newest-plan-applied']);
  });

  it('explains what a replay string looks like when given something else', () => {
    expect(() => parseReplay('october2025 seed 7')).toThrow(ConfigError);
    expect(() => parseReplay('nope')).toThrow(/<scenario>@timed#<seed>/);
  });

  // Each of these used to replay something else and print "no invariant broke".
  it.each([
    ['smallScope@replay#0', /empty schedule/],
    ['smallScope@replay#0:', /empty schedule/],
    ['smallScope@replay#99999999999999999999999:P', /not a whole number from 0 to 9007199254740991/],
    ['smallScope@replay#9007199254740992:P', /not a whole number from 0/],
    ['october2025@timed#1:P.a1', /steps after the seed, which a timed run would ignore/],
    ['october2025@timed#1:', /steps after the seed/],
    ['smallScope@replay#0:P..a1', /the step ""/],
    ['smallScope@replay#0:P.a1.', /the step ""/],
    ['smallScope@replay#0:P.a-1', /the step "a-1"/],
    ['smallScope@replay#-1:P', /seed "-1"/],
    ['smallScope@replay#1e3:P', /seed "1e3"/],
    ['smallScope@live#1:P', /mode "live"/],
    ['@replay#1:P', /names no scenario/],
    ['smallScope@replay#0:P/', /the invariant ""/],
    ['smallScope@replay#0:P/a,a', /the invariant "a" twice/],
    ['smallScope@replay#0:P/Bad_Name', /the invariant "Bad_Name"/],
    ['smallScope@replay#0:P\nsmallScope@replay#0:P', /not a replay string|the step/],
  ])('refuses %j with one line', (text, problem) => {
    let message = '';
    try {
      parseReplay(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(problem);
    expect(message).not.toContain('\n');
  });
});
