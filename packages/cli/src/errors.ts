/**
 * The one error path every command shares. Bad input is one line naming the input and
 * what is valid, exit 2; a command that cannot go ahead (a port taken, a board that does
 * not answer) is one line with its fix, exit 1; a failure inside the program is one line,
 * exit 1, and a stack trace only with DEBUG set.
 */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** The user's input (an argument, a replay string, a file they pointed at) cannot be used. */
export class BadInput extends Error {
  override name = 'BadInput';
  constructor(
    message: string,
    /** The command whose input it is (`lesson`, `class join`), when the thrower knows it better than the caller. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Nothing is wrong with the input or the program, but the command cannot go ahead: exit 1, with the fix. */
export class Blocked extends Error {
  override name = 'Blocked';
  constructor(
    message: string,
    /** What to do about it, when there is something to do. */
    readonly fix?: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

/** Whether an error is the user's input rather than the program failing. */
export function isBadInput(error: unknown): boolean {
  // A model's ConfigError is recognised by name, so this package needs nothing from core.
  if (error instanceof BadInput || (error instanceof Error && error.name === 'ConfigError')) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

export const debugging = (env: Readonly<Record<string, string | undefined>>): boolean =>
  (env['DEBUG'] ?? '') !== '' || env['OUTAGE_LAB_DEBUG'] === '1';

export const firstLine = (text: string): string => text.split('\n')[0] ?? text;

/** The error's one line, prefixed with its command: the thrower's, if it named one, or the caller's. */
export function errorLine(command: string, error: unknown): string {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const own = error instanceof BadInput || error instanceof Blocked ? error.command : undefined;
  const prefix = own ?? command;
  return message.startsWith(`${prefix}: `) ? message : `${prefix}: ${message}`;
}

/**
 * Prints one line for the error (prefixed with the command) and returns the exit code.
 * The message is always cut to its first line: a multi-line message from a library is
 * never shown as a wall of text.
 */
export function reportError(command: string, error: unknown, err: (line: string) => void, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const line = errorLine(command, error);
  if (isBadInput(error)) {
    err(line);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof Blocked) {
    err(error.fix === undefined ? line : `${line} (fix: ${error.fix})`);
    return EXIT_FAILURE;
  }
  err(`${line} (a failure inside ${command}; run with DEBUG=1 for the stack)`);
  if (debugging(env) && error instanceof Error && error.stack !== undefined) err(error.stack);
  return EXIT_FAILURE;
}
