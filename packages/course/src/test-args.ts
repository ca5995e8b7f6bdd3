import { parseFlags, type FlagSpec } from '@outage-lab/cli';

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
