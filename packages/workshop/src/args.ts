import { parseArgs } from 'node:util';
import { joinNegativeValues } from '@outage-lab/cli';
import { UsageError } from './errors.ts';
import { findLesson, type Lesson, type Manifest } from '@outage-lab/course';

export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly description: string;
  /** Checks a string option's value when the command line is read; throws a UsageError. */
  readonly check?: (value: string) => void;
}

/** What a command accepts: whether it takes a lesson, and its flags. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly takesLesson: boolean;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

export interface ParsedArgs {
  readonly lessonKey: string | null;
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
}

const flagList = (spec: CommandSpec): string => {
  const names = Object.keys(spec.options).map((n) => `--${n}`);
  return names.length === 0 ? 'none' : names.join(', ');
};

/**
 * Reads a command's arguments with node:util's parseArgs in strict mode and turns each of
 * its complaints into one line that names the problem and the valid choices.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[], env: NodeJS.ProcessEnv = {}): ParsedArgs {
  const { values, positionals } = strictParse(spec, argv);
  const limit = spec.takesLesson ? 1 : 0;
  if (positionals.length > limit) {
    const extra = positionals.slice(limit).map((p) => `"${p}"`).join(' ');
    const flags = Object.keys(spec.options).length > 0 ? `the flags ${flagList(spec)}` : null;
    const valid = [spec.takesLesson ? 'one lesson' : null, flags].filter((v) => v !== null).join(' and ');
    throw new UsageError(`${spec.name}: unexpected argument ${extra} (valid: ${valid === '' ? 'no arguments' : valid})`);
  }
  const flags = { ...flagsNpmKept(spec, env), ...values };
  for (const [name, value] of Object.entries(flags)) {
    if (typeof value === 'string' && Object.hasOwn(spec.options, name)) spec.options[name]?.check?.(value);
  }
  return { lessonKey: positionals[0] ?? null, flags };
}

function strictParse(spec: CommandSpec, argv: readonly string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]));
  try {
    return parseArgs({ args: joinNegativeValues(argv, spec.options), options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(spec, error));
  }
}

/**
 * `npm run lesson 02 --watch` (without the `--`) is the most common slip: npm keeps
 * `--watch` for itself and hands it over only as `npm_config_watch`. Take it from there.
 */
function flagsNpmKept(spec: CommandSpec, env: NodeJS.ProcessEnv): Record<string, string | boolean> {
  if (env['npm_lifecycle_event'] !== spec.name) return {};
  const kept: Record<string, string | boolean> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const value = env[`npm_config_${name}`];
    if (value === undefined || value === '') continue;
    if (option.type === 'string') kept[name] = value;
    else if (value === 'true') kept[name] = true;
  }
  return kept;
}

function describeParseError(spec: CommandSpec, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${spec.name}: unknown option ${option} (valid: ${flagList(spec)})`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const needsValue = Object.entries(spec.options).find(([name, o]) => option.startsWith(`--${name}`) && o.type === 'string');
    return needsValue !== undefined
      ? `${spec.name}: ${option} needs a value, like --${needsValue[0]}=51204`
      : `${spec.name}: ${option.replace(/=.*/, '')} takes no value (valid: ${flagList(spec)})`;
  }
  return `${spec.name}: ${message.split('\n')[0] ?? message} (valid: ${flagList(spec)})`;
}

const lessonChoices = (manifest: Manifest): string => manifest.lessons.map((l) => l.id).join(', ');

/** The lesson a command names, or a usage error listing the lessons there are. */
export function requireLesson(spec: CommandSpec, manifest: Manifest, key: string | null): Lesson {
  if (key === null) {
    const example = manifest.lessons[0]?.id ?? '01';
    throw new UsageError(`${spec.name}: which lesson? (valid: ${lessonChoices(manifest)}; e.g. npm run ${spec.name} -- ${example})`);
  }
  const lesson = findLesson(manifest, key);
  if (lesson === null) throw new UsageError(`${spec.name}: unknown lesson "${key}" (valid: ${lessonChoices(manifest)})`);
  return lesson;
}
