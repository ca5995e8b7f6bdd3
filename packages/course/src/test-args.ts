import { parseCommand, stringFlag, wholeNumber, type CommandTable } from '@outage-lab/cli';

/**
 * What `npm test` and `npm run test:long` accept. Read before anything runs: a mistyped
 * flag is one line and exit 2, never a full run (59 s for verify) or an old count.
 */
export const TEST: CommandTable = {
  name: 'test',
  invocation: 'npm test',
  script: 'test',
  summary: "type-check and test every package, then run the lessons' red/green check, all through Turbo; ends with the line CI reads, N passed, N failed",
  flags: { force: { type: 'boolean', help: "run every task again instead of taking unchanged results from Turbo's cache" } },
};

export interface ScriptArgs {
  readonly help: boolean;
  /** Turbo's flags for the run. */
  readonly turbo: readonly string[];
}

export function parseTestArgs(argv: readonly string[]): ScriptArgs {
  const { help, flags } = parseCommand(TEST, argv);
  return { help, turbo: flags['force'] === true ? ['--force'] : [] };
}

/** The largest seed: the soak runs derive further seeds by adding to it, so it stays a small integer. */
export const MAX_LONG_SEED = 2 ** 31 - 1;

export const TEST_LONG: CommandTable = {
  name: 'test:long',
  invocation: 'npm run test:long',
  script: 'test:long',
  summary: 'the seeded soak runs (every *.long.test.ts), apart from npm test; every run prints its seed',
  flags: {
    seed: {
      type: 'string',
      value: 'n',
      examples: ['20251019'],
      help: `replay a run by its seed, a whole number from 0 to ${MAX_LONG_SEED} (default: a new one)`,
      check: (value) => void wholeNumber('--seed', value, 0, MAX_LONG_SEED),
    },
  },
};

export interface LongArgs {
  readonly help: boolean;
  /** The run's seed, or null for a new one. */
  readonly seed: number | null;
}

export function parseTestLongArgs(argv: readonly string[]): LongArgs {
  const { help, flags } = parseCommand(TEST_LONG, argv);
  const raw = stringFlag(flags, 'seed');
  return { help, seed: raw === undefined ? null : wholeNumber('--seed', raw, 0, MAX_LONG_SEED) };
}
