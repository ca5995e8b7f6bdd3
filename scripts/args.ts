import { parseFlags, type FlagSpec } from '../packages/core/src/tooling/cli.ts';

/**
 * What `npm test` and `npm run verify` accept. Read before anything runs: a mistyped flag
 * is one line and exit 2, never a full run (59 s for verify) or an old count.
 */
export const TEST_FLAGS: Readonly<Record<string, FlagSpec>> = {
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const VERIFY_FLAGS: Readonly<Record<string, FlagSpec>> = {
  help: { type: 'boolean', short: 'h' },
};

export const TEST_USAGE = 'usage: npm test [-- --force]   (--force: run every task again instead of taking unchanged results from Turbo’s cache)';
export const VERIFY_USAGE = "usage: npm run verify   (every lesson's starter red by assertion, every solution green)";

export interface ScriptArgs {
  readonly help: boolean;
  /** Turbo's flags for the run. */
  readonly turbo: readonly string[];
}

export function parseTestArgs(argv: readonly string[]): ScriptArgs {
  const { values } = parseFlags(argv, TEST_FLAGS);
  return { help: values['help'] === true, turbo: values['force'] === true ? ['--force'] : [] };
}

export function parseVerifyArgs(argv: readonly string[]): ScriptArgs {
  const { values } = parseFlags(argv, VERIFY_FLAGS);
  return { help: values['help'] === true, turbo: [] };
}
