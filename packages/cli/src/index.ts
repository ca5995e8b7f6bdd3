import { BadInput } from './errors.ts';

/**
 * The one command-line layer: each command's table (flags, positionals, help), the parser
 * that reads it, `--help`, and the one error path every command shares.
 */

export * from './errors.ts';
export * from './process.ts';
export * from './table.ts';
export { helpText, groupHelpText, usageLine, wrap } from './help.ts';
export { parseCommand, pickCommand, asksForHelp, stringFlag, type FlagValues, type ParsedCommand, type ParseOptions } from './parse.ts';
export { entryHelp, isGroup, tableEntry, type Entry, type EntryContext, type EntryRead } from './entry.ts';

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
