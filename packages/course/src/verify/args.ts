import { parseFlags, type FlagSpec } from '@outage-lab/cli';

/** What `npm run verify` accepts, read before anything runs: a mistyped flag is one line and exit 2, never a full run. */
export const VERIFY_FLAGS: Readonly<Record<string, FlagSpec>> = {
  help: { type: 'boolean', short: 'h' },
};

export const VERIFY_USAGE = "usage: npm run verify   (every lesson's starter red by assertion, every solution green, every known-wrong fix red at its step)";

export interface VerifyArgs {
  readonly help: boolean;
}

export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  const { values } = parseFlags(argv, VERIFY_FLAGS);
  return { help: values['help'] === true };
}
