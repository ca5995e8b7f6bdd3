import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The one error path every command shares (explore, replay, slides, verify, test and the
 * learner's commands). Bad input is one line naming the input and what is valid, exit 2;
 * a failure inside the program is one line, exit 1; a stack trace only with DEBUG set.
 */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

/** The user's input (an argument, a replay string, a file they pointed at) cannot be used. */
export class BadInput extends Error {
  override name = 'BadInput';
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

const firstLine = (text: string): string => text.split('\n')[0] ?? text;

/**
 * Prints one line for the error (prefixed with the command) and returns the exit code.
 * The message is always cut to its first line: a multi-line message from a library is
 * never shown as a wall of text.
 */
export function reportError(command: string, error: unknown, err: (line: string) => void, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const prefixed = message.startsWith(`${command}: `) ? message : `${command}: ${message}`;
  if (isBadInput(error)) {
    err(prefixed);
    return EXIT_BAD_INPUT;
  }
  err(`${prefixed} (a failure inside ${command}; run with DEBUG=1 for the stack)`);
  if (debugging(env) && error instanceof Error && error.stack !== undefined) err(error.stack);
  return EXIT_FAILURE;
}

/**
 * A reader that went away (`explore | head`) is not a failure: stop quietly instead of
 * crashing with EPIPE on the next write.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
      throw error;
    });
  }
}

/** Runs a command's main function as a process: one error path, exit code, no EPIPE crash. */
export async function runAsProcess(command: string, main: () => number | Promise<number>): Promise<void> {
  quietOnClosedPipe();
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = reportError(command, error, (line) => void process.stderr.write(`${line}\n`));
  }
}

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
}

/**
 * node:util's parseArgs reads `--runs -5` as a flag without a value ("argument is
 * ambiguous"), so the learner hears the wrong problem. A value that looks like a number
 * is joined to its flag (`--runs=-5`) so the flag's own check can say what is valid.
 */
export function joinNegativeValues(argv: readonly string[], flags: Readonly<Record<string, FlagSpec>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    if (name !== null && Object.hasOwn(flags, name) && flags[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export interface ParsedFlags {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

/**
 * parseArgs in strict mode, with each of its complaints turned into one line that names
 * the flag and what would be valid.
 */
export function parseFlags(argv: readonly string[], flags: Readonly<Record<string, FlagSpec>>, options: { readonly positionals?: boolean } = {}): ParsedFlags {
  const valid = Object.keys(flags).map((f) => `--${f}`).join(', ');
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(argv, flags),
      options: { ...flags },
      strict: true,
      allowPositionals: options.positionals ?? false,
    });
    return { values: { ...values }, positionals };
  } catch (error) {
    throw new BadInput(describeParseError(error, flags, valid));
  }
}

export function describeParseError(error: unknown, flags: Readonly<Record<string, FlagSpec>>, valid: string): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = firstLine(error instanceof Error ? error.message : String(error));
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const name = quoted.replace(/^-+/, '').replace(/[= ].*$/, '');
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${JSON.stringify(quoted)} (valid: ${valid})`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${JSON.stringify(quoted)} (valid: ${valid})`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = Object.hasOwn(flags, name) ? flags[name] : undefined;
      if (flag?.type === 'boolean') return `--${name} takes no value (valid: --${name} on its own)`;
      return `--${name} needs a value (valid: --${name} <value> or --${name}=<value>)`;
    }
    default:
      if (error instanceof Error) throw error;
      return message;
  }
}

/** A whole number in [min, max] written in plain digits; anything else is one line naming it. */
export function wholeNumber(flag: string, text: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`;
    throw new BadInput(`${flag} ${JSON.stringify(text)} is not ${range}`);
  }
  return value;
}

/** A value from a registry, looked up only in its own keys (never `constructor` or `__proto__`). */
export function ownEntry<T>(registry: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(registry, name) ? registry[name] : undefined;
}

/**
 * Local servers answer only requests addressed to 127.0.0.1 or localhost: a web page on
 * another name that resolves to 127.0.0.1 (DNS rebinding) gets nothing to read.
 */
export function localHostHeader(host: string | undefined): boolean {
  return host !== undefined && /^(?:127\.0\.0\.1|localhost)(?::\d{1,5})?$/i.test(host);
}

/**
 * Whether the module at `moduleUrl` is the script node was started with (through a
 * symlink too, as npm's bin links are), so a CLI file can also be imported by tests.
 */
export function invokedDirectly(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}
