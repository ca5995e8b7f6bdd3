import { parseFlags, wholeNumber, type FlagSpec } from '@outage-lab/cli';

/**
 * What `npm test` accepts. Read before anything runs: a mistyped flag
 * is one line and exit 2, never a full run (59 s for verify) or an old count.
 */
export const TEST_FLAGS: Readonly<Record<string, FlagSpec>> = {
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const TEST_USAGE = 'usage: npm test [-- --force]   (--force: run every task again instead of taking unchanged results from Turbo’s cache)';

export interface ScriptArgs {
  readonly help: boolean;
  /** Turbo's flags for the run. */
  readonly turbo: readonly string[];
}

export function parseTestArgs(argv: readonly string[]): ScriptArgs {
  const { values } = parseFlags(argv, TEST_FLAGS);
  return { help: values['help'] === true, turbo: values['force'] === true ? ['--force'] : [] };
}

export const TEST_LONG_FLAGS: Readonly<Record<string, FlagSpec>> = {
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const TEST_LONG_USAGE =
  'usage: npm run test:long [-- --seed N]   (the seeded soak runs; --seed N, a whole number from 0 to 2147483647, replays a run: every run prints its seed)';

/** The largest seed: the soak runs derive further seeds by adding to it, so it stays a small integer. */
export const MAX_LONG_SEED = 2 ** 31 - 1;

export interface LongArgs {
  readonly help: boolean;
  /** The run's seed, or null for a new one. */
  readonly seed: number | null;
}

export function parseTestLongArgs(argv: readonly string[]): LongArgs {
  const { values } = parseFlags(argv, TEST_LONG_FLAGS);
  const raw = values['seed'];
  if (typeof raw !== 'string') return { help: values['help'] === true, seed: null };
  return { help: values['help'] === true, seed: wholeNumber('--seed', raw, 0, MAX_LONG_SEED) };
}
