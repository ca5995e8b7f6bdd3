import { describe, expect, it } from 'vitest';
import { ConfigError, formatReplay, parseReplay } from '../../src/index.ts';

describe('replay strings', () => {
  it('round-trip a timed run and an untimed schedule', () => {
    expect(parseReplay(formatReplay('october2025', 20251351, null))).toEqual({ scenario: 'october2025', seed: 20251351, scheduler: { kind: 'timed' } });
    expect(parseReplay(formatReplay('smallScope', 3, ['P', 'a1', 'a2']))).toEqual({
      scenario: 'smallScope',
      seed: 3,
      scheduler: { kind: 'replay', choices: ['P', 'a1', 'a2'] },
    });
  });

  it('explains what a replay string looks like when given something else', () => {
    expect(() => parseReplay('october2025 seed 7')).toThrow(ConfigError);
    expect(() => parseReplay('nope')).toThrow(/<scenario>@timed#<seed>/);
  });
});
