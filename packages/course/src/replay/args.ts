import { parseArgs } from 'node:util';
import { FIX_NAMES, type FixName } from '@outage-lab/core';
import { joinNegativeValues } from '@outage-lab/cli';

export interface ReplayArgs {
  /** null: the night as it happened, each fix alone, and all of them. */
  readonly fixes: readonly FixName[] | null;
  readonly html: string | null;
  readonly seed: number | null;
  /** Phase edges over many racing nights, and the share of nights that race, instead of one night. */
  readonly distribution: boolean;
  readonly help: boolean;
}

export const REPLAY_USAGE = `usage: npm run replay [-- --fixes dns,nlb,ec2] [--html report.html] [--seed <n>] [--distribution]
  (no flags)         the night as it happened, each fix alone, and all three: what each fix buys
  --fixes <list>     the night as it happened beside one set of fixes: one or more of ${FIX_NAMES.join(', ')}, comma-separated, or all, or none
  --html <file>      also write a standalone report with the charts (opens offline)
  --seed <n>         another seed for the night (default: the canonical one, 20251351)
  --distribution     instead: how often configured nights race, and every phase edge as a median and
                     10–90% range over 200+ nights that race within 10 minutes of 23:48 (minutes of work)`;

const FLAGS = {
  fixes: { type: 'string' },
  html: { type: 'string' },
  seed: { type: 'string' },
  distribution: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const VALID_FLAGS = 'valid: --fixes <list>, --html <file>, --seed <n>, --distribution, --help';

/**
 * The flags npm keeps for itself when the `--` is forgotten: `npm run replay --fixes=dns`
 * arrives as npm_config_fixes=dns, and is put back. `npm run replay --fixes dns` arrives
 * as npm_config_fixes=true and a stray "dns": that cannot be put back safely, so it is
 * one line saying where the `--` goes.
 */
export function flagsNpmKept(env: Readonly<Record<string, string | undefined>>): string[] | string {
  if (env['npm_lifecycle_event'] !== 'replay') return [];
  const kept: string[] = [];
  for (const flag of ['fixes', 'html', 'seed'] as const) {
    const value = env[`npm_config_${flag}`];
    if (value === 'true') return `npm took --${flag} for itself; put -- before the flags: npm run replay -- --${flag} <value>`;
    if (value !== undefined && value !== '') kept.push(`--${flag}`, value);
  }
  return kept;
}

/** The command line, or one line naming what is wrong and what would be valid. */
export function parseReplayArgs(argv: readonly string[]): ReplayArgs | string {
  let values: { fixes?: string; html?: string; seed?: string; distribution?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv, FLAGS),
      options: FLAGS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return explain(error);
  }
  const fixes = values.fixes === undefined ? null : parseFixes(values.fixes);
  if (typeof fixes === 'string') return fixes;
  if (values.html !== undefined && !/\S/.test(values.html)) return '--html needs a file name, such as --html report.html';
  let seed: number | null = null;
  if (values.seed !== undefined) {
    if (!/^\d{1,9}$/.test(values.seed)) return `--seed ${JSON.stringify(values.seed)} is not a whole number from 0 to 999999999`;
    seed = Number(values.seed);
  }
  const distribution = values.distribution === true;
  if (distribution && (fixes !== null || values.html !== undefined)) return '--distribution replays the night as it happened over many seeds; it takes no --fixes or --html';
  return { fixes, html: values.html ?? null, seed, distribution, help: values.help === true };
}

function parseFixes(text: string): FixName[] | string {
  const words = text.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
  if (words.length === 0) return `--fixes needs a list (valid: ${FIX_NAMES.join(', ')}, all, none)`;
  if (words.length === 1 && words[0] === 'all') return [...FIX_NAMES];
  if (words.length === 1 && words[0] === 'none') return [];
  const unknown = words.filter((w) => !(FIX_NAMES as readonly string[]).includes(w));
  if (unknown.length > 0) return `unknown fix ${unknown.map((w) => JSON.stringify(w)).join(', ')} (valid: ${FIX_NAMES.join(', ')}, all, none)`;
  return FIX_NAMES.filter((name) => words.includes(name));
}

/** Node's parseArgs errors as one line. */
function explain(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${quoted} (${VALID_FLAGS})`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${JSON.stringify(quoted)} (${VALID_FLAGS})`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--(\w+)/.exec(message)?.[0] ?? 'a flag';
    return `${flag} needs a value (${VALID_FLAGS})`;
  }
  throw error;
}
