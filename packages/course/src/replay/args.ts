import { DISTRIBUTION_SEEDS, FIX_NAMES, seedRange, type FixName, type SeedRange } from '@outage-lab/core';
import { BadInput, parseCommand, stringFlag, type CommandTable } from '@outage-lab/cli';

export interface ReplayArgs {
  /** null: the night as it happened, each fix alone, and all of them. */
  readonly fixes: readonly FixName[] | null;
  readonly html: string | null;
  readonly seed: number | null;
  /**
   * Phase edges over many racing nights, and the share of nights that race: `after` the
   * night (the default, without --fixes), `only` (--distribution), or `off`
   * (--no-distribution, or --fixes).
   */
  readonly distribution: 'after' | 'only' | 'off';
  /** The distribution's seeds: 1–4000 unless --seeds says otherwise. */
  readonly seeds: SeedRange;
  readonly help: boolean;
}

const FIX_CHOICES = `${FIX_NAMES.join(', ')}, all, none`;

/** Everything `npm run replay` accepts: a flag is one line here. */
export const REPLAY: CommandTable = {
  name: 'replay',
  invocation: 'npm run replay',
  script: 'replay',
  summary: 'the whole night in the Region, as it happened and with the fixes of lessons 02 to 04: its phases beside AWS’s timeline and the impact minutes per service',
  flags: {
    fixes: { type: 'string', value: 'list', examples: ['dns', 'nlb,ec2', 'all', 'none'], help: `the night as it happened beside one set of fixes: one or more of ${FIX_NAMES.join(', ')}, comma-separated, or all, or none` },
    html: { type: 'string', value: 'file', examples: ['report.html'], help: 'also write a standalone report with the charts (opens offline)', check: (text) => void htmlFile(text) },
    seed: { type: 'string', value: 'n', examples: ['7'], help: 'another seed for the night (default: the canonical one, 20251351)', check: (text) => void seedOf(text) },
    distribution: {
      type: 'boolean',
      help: 'only the distribution: how often configured nights race, and every phase edge as a median and 10–90% range over the nights that race within 10 minutes of 23:48',
      negative: 'only the night, in seconds: no distribution after it',
    },
    seeds: { type: 'string', value: 'first-last', examples: ['1-800'], help: 'the distribution’s seeds (default: 1-4000, which give 200+ nights racing near 23:48); the first tenth are run to the repair for the race share', check: (text) => void seedsOf(text) },
  },
  notes: [
    'With no flags: the night as it happened, each fix alone, and all three: what each fix buys; then the October night as one sample of many: the distribution over seeds 1-4000, on two threads (about two minutes the first time; kept in .outage-lab/cache, so the same code and parameters print it at once after that).',
    'With --fixes, the nights with those fixes and no distribution: the distribution is of the night as it happened.',
  ],
};

function htmlFile(text: string): string {
  if (!/\S/.test(text)) throw new BadInput('--html needs a file name, such as --html report.html');
  return text;
}

/** Enough for a distribution of hours; more is a typing slip, not a plan. */
const MOST_SEEDS = 100_000;

function seedsOf(text: string): SeedRange {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(text);
  const first = Number(m?.[1]);
  const last = Number(m?.[2]);
  if (m === null || first > last || last - first + 1 > MOST_SEEDS) {
    throw new BadInput(`--seeds ${JSON.stringify(text)} is not a range of seeds (valid: <first>-<last>, whole numbers, first ≤ last, at most ${MOST_SEEDS.toLocaleString('en-US')} seeds, e.g. 1-4000)`);
  }
  return seedRange(first, last);
}

function seedOf(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new BadInput(`--seed ${JSON.stringify(text)} is not a whole number from 0 to 999999999`);
  return Number(text);
}

/** The command line, read completely; a bad one throws a BadInput naming what is wrong and what is valid. */
export function parseReplayArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): ReplayArgs {
  const { help, flags } = parseCommand(REPLAY, argv, { env });
  const fixes = stringFlag(flags, 'fixes');
  const html = stringFlag(flags, 'html');
  const seed = stringFlag(flags, 'seed');
  const seeds = stringFlag(flags, 'seeds');
  const only = flags['distribution'] === true;
  const off = flags['distribution'] === false;
  if (only && (fixes !== undefined || html !== undefined)) throw new BadInput('--distribution prints only the distribution of the night as it happened; it takes no --fixes or --html');
  if (seeds !== undefined && (off || (fixes !== undefined && !only))) {
    throw new BadInput(`--seeds chooses the distribution's nights, and ${off ? '--no-distribution' : '--fixes'} prints no distribution (valid: --seeds without ${off ? '--no-distribution' : '--fixes'})`);
  }
  return {
    fixes: fixes === undefined ? null : parseFixes(fixes),
    html: html ?? null,
    seed: seed === undefined ? null : seedOf(seed),
    distribution: only ? 'only' : off || fixes !== undefined ? 'off' : 'after',
    seeds: seeds === undefined ? DISTRIBUTION_SEEDS : seedsOf(seeds),
    help,
  };
}

function parseFixes(text: string): FixName[] {
  const words = text.split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
  if (words.length === 0) throw new BadInput(`--fixes needs a list (valid: ${FIX_CHOICES})`);
  if (words.length === 1 && words[0] === 'all') return [...FIX_NAMES];
  if (words.length === 1 && words[0] === 'none') return [];
  const unknown = words.filter((w) => !(FIX_NAMES as readonly string[]).includes(w));
  if (unknown.length > 0) throw new BadInput(`unknown fix ${unknown.map((w) => JSON.stringify(w)).join(', ')} (valid: ${FIX_CHOICES})`);
  return FIX_NAMES.filter((name) => words.includes(name));
}
