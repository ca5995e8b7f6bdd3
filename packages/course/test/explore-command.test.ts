import { describe, expect, it } from 'vitest';
import { DNS_SCENARIOS } from '@outage-lab/core/judge';
import { STRATEGIES } from '../src/explore/explore-command.ts';
import { explore, LONG_ROUND_TRIPS, roundTrips } from './support/explore-round-trip.ts';

describe('explore: hostile input is one line and exit 2', () => {
  it.each([
    [['--scenario', 'constructor'], /scenario "constructor" is not known \(valid: happyPath, october2025, smallScope, october2025Exploration, realScope\)/],
    [['--scenario', '__proto__'], /scenario "__proto__" is not known/],
    [['--scenario', 'toString', '--strategy', 'random'], /scenario "toString" is not known/],
    [['--replay', 'constructor@timed#1'], /scenario "constructor" is not known/],
    [['--replay', 'toString@replay#0:P'], /scenario "toString" is not known/],
    [['--replay', '__proto__@replay#0:P'], /names no scenario/],
    [['--replay', 'smallScope@timed#1'], /smallScope runs until nothing is left to do, so a timed run of it would never end/],
    [['--replay', 'smallScope@replay#0:zz.zz'], /actor "zz" is not in smallScope \(valid: P, a1, a2/],
    [['--replay', 'smallScope@replay#0:P.a1.zz'], /actor "zz" is not in smallScope/],
    [['--replay', 'smallScope@replay#0'], /empty schedule/],
    [['--replay', 'smallScope@replay#99999999999999999999999:P.a1'], /not a whole number from 0 to 9007199254740991/],
    [['--replay', 'october2025@timed#1:P.a1'], /steps after the seed, which a timed run would ignore/],
    [['--replay', 'smallScope@replay#0:P/constructor'], /invariant "constructor" is not known/],
    [['--replay', 'smallScope@replay#0:P', '--runs', '5'], /--runs cannot be given with it/],
    [['--strategy', 'random', '--runs', '-5'], /--runs "-5" is not a whole number from 1 to 1000000/],
    [['--strategy', 'random', '--runs', '1e20'], /--runs "1e20" is not a whole number/],
    [['--strategy', 'random', '--runs', '0'], /--runs "0" is not a whole number/],
    [['--strategy', 'random', '--runs', ''], /--runs "" is not a whole number/],
    [['--strategy', 'valueOf'], /--strategy: "valueOf" is not known \(valid: exhaustive, random, pct\)/],
    [['--runs', '5'], /--runs counts random or pct schedules/],
    [['--scenario', 'october2025'], /exhaustive search needs a scenario where time cannot change behaviour \(valid for exhaustive: smallScope/],
    [['--all-invariants=1'], /--all-invariants takes no value/],
    [['--replay'], /--replay needs a value/],
    [['--bogus'], /unknown option "--bogus" \(valid: --scenario/],
    [['stray'], /unexpected argument "stray"/],
  ])('%j', async (argv, problem) => {
    const result = await explore(...argv);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^explore: /);
    expect(result.err[0]).toMatch(problem);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
  });
});

/**
 * Every strategy on every scenario the command accepts for it: the printed replay string,
 * replayed, gives the same invariant, at the same step, with the same timeline. The
 * timed scenarios check every invariant, because the headline one needs the night's
 * timing, which random and PCT schedules ignore.
 */
const ROUND_TRIPS: readonly (readonly string[])[] = [
  ['--scenario', 'smallScope', '--strategy', 'exhaustive'],
  ['--scenario', 'smallScope', '--strategy', 'exhaustive', '--all-invariants'],
  ['--scenario', 'smallScope', '--strategy', 'random'],
  ['--scenario', 'smallScope', '--strategy', 'pct', '--all-invariants'],
  ['--scenario', 'realScope', '--strategy', 'exhaustive'],
  ['--scenario', 'realScope', '--strategy', 'random', '--all-invariants'],
  ['--scenario', 'realScope', '--strategy', 'pct', '--all-invariants'],
  ['--scenario', 'october2025Exploration', '--strategy', 'random'],
  ['--scenario', 'october2025Exploration', '--strategy', 'pct'],
  ['--scenario', 'october2025Exploration', '--strategy', 'pct', '--all-invariants'],
  ['--scenario', 'happyPath', '--strategy', 'random', '--all-invariants', '--runs', '3'],
  ['--scenario', 'happyPath', '--strategy', 'pct', '--all-invariants', '--runs', '50'],
  ['--scenario', 'october2025', '--strategy', 'random', '--all-invariants', '--runs', '1'],
];

describe('explore: every printed replay string reproduces its failure', () => {
  // The real-size exhaustive search is about 1 s quiet, the rest well under: a budget for a busy laptop.
  it.each(ROUND_TRIPS)('%s %s %s %s', (...argv) => roundTrips(argv), 120_000);

  it('leaves out no strategy and scenario pair: each is in the table above, or refused', async () => {
    const covered = new Set([...ROUND_TRIPS, ...LONG_ROUND_TRIPS].map((argv) => `${argv[3]} on ${argv[1]}`));
    for (const scenario of Object.keys(DNS_SCENARIOS)) {
      for (const strategy of STRATEGIES) {
        if (covered.has(`${strategy} on ${scenario}`)) continue;
        expect((await explore('--scenario', scenario, '--strategy', strategy)).code, `${strategy} on ${scenario}: neither round-tripped nor refused`).toBe(2);
      }
    }
  });

  it('refuses exhaustive search where time changes behaviour, for every such scenario', async () => {
    for (const scenario of ['happyPath', 'october2025', 'october2025Exploration']) {
      expect((await explore('--scenario', scenario)).code).toBe(2);
    }
  });
});
