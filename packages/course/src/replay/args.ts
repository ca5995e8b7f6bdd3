import { FIX_NAMES, type FixName } from '@outage-lab/core';
import { BadInput, parseCommand, stringFlag, type CommandTable } from '@outage-lab/cli';

export interface ReplayArgs {
  /** null: the night as it happened, each fix alone, and all of them. */
  readonly fixes: readonly FixName[] | null;
  readonly html: string | null;
  readonly seed: number | null;
  /** Phase edges over many racing nights, and the share of nights that race, instead of one night. */
  readonly distribution: boolean;
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
    distribution: { type: 'boolean', help: 'instead: how often configured nights race, and every phase edge as a median and 10–90% range over 200+ nights that race within 10 minutes of 23:48 (minutes of work)' },
  },
  notes: ['With no flags: the night as it happened, each fix alone, and all three: what each fix buys.'],
};

function htmlFile(text: string): string {
  if (!/\S/.test(text)) throw new BadInput('--html needs a file name, such as --html report.html');
  return text;
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
  const distribution = flags['distribution'] === true;
  if (distribution && (fixes !== undefined || html !== undefined)) throw new BadInput('--distribution replays the night as it happened over many seeds; it takes no --fixes or --html');
  return { fixes: fixes === undefined ? null : parseFixes(fixes), html: html ?? null, seed: seed === undefined ? null : seedOf(seed), distribution, help };
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
