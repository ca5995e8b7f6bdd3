import { parseCommand, type CommandTable } from '@outage-lab/cli';

/** What `npm run verify` accepts, read before anything runs: a mistyped flag is one line and exit 2, never a full run. */
export const VERIFY: CommandTable = {
  name: 'verify',
  invocation: 'npm run verify',
  script: 'verify',
  summary: "every lesson's starter red by assertion, every solution green, every known-wrong fix red at its step",
  flags: {},
};

export interface VerifyArgs {
  readonly help: boolean;
}

export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  return { help: parseCommand(VERIFY, argv).help };
}
