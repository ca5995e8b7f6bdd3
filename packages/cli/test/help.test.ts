import { describe, expect, it } from 'vitest';
import { groupHelpText, helpText, usageLine, wrap, type CommandTable } from '../src/index.ts';

const EXPLORE: CommandTable = {
  name: 'explore',
  invocation: 'npm run explore',
  summary: 'look for the race',
  flags: {
    scenario: { type: 'string', value: 'name', help: 'the scenario to search (default: smallScope)', examples: ['smallScope', 'realScope'] },
    'all-invariants': { type: 'boolean', help: 'check every invariant, not only the empty endpoint and liveness, which takes a long explanation to wrap' },
  },
  notes: ['Replay what a search printed with --replay.'],
};

describe('--help: the table, printed', () => {
  it('has the usage line, the summary as a sentence, every flag with its help, and --help itself', () => {
    const lines = helpText(EXPLORE).split('\n');
    expect(lines[0]).toBe('usage: npm run explore -- [--scenario <name>] [--all-invariants]');
    expect(lines).toContain('Look for the race.');
    // An example the help already names (smallScope) is not repeated.
    expect(helpText(EXPLORE).replace(/\s+/g, ' ')).toContain(' --scenario <name> the scenario to search (default: smallScope) (e.g. realScope) ');
    expect(lines.some((l) => /^ {2}-h, --help +print this help and exit$/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('Replay what a search printed with --replay.');
  });

  it('shows a flag whose --no- means something as --[no-]name in the usage, and each on its own line', () => {
    const table: CommandTable = { ...EXPLORE, flags: { distribution: { type: 'boolean', help: 'only the distribution', negative: 'only the night, in seconds' } } };
    const lines = helpText(table).split('\n');
    expect(lines[0]).toBe('usage: npm run explore -- [--[no-]distribution]');
    expect(lines).toContain('  --distribution       only the distribution');
    expect(lines).toContain('  --no-distribution    only the night, in seconds');
  });

  it('fits 80 columns, wrapping under its column', () => {
    const lines = helpText(EXPLORE).split('\n');
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
    const wrapped = lines.findIndex((l) => l.includes('--all-invariants ')) + 1;
    expect(lines[wrapped]).toMatch(/^ {10,}\S/);
  });

  it('puts the -- npm needs only where there are arguments, and shows optional and repeated positionals', () => {
    expect(usageLine({ name: 'doctor', invocation: 'npm run doctor', summary: 'x', flags: {} })).toBe('npm run doctor');
    expect(usageLine({ name: 'c', invocation: 'npm run class -- join', summary: 'x', positionals: [{ name: 'url', help: 'u' }], flags: {} })).toBe('npm run class -- join <url>');
    expect(usageLine({ name: 's', invocation: 'slides build', summary: 'x', positionals: [{ name: 'deck', help: 'd', many: true }], flags: {} })).toBe('slides build [<deck> ...]');
  });

  it('never splits a bracketed item across lines', () => {
    expect(wrap('usage: x [--alpha <a>] [--beta <b>]', 24, 4)).toEqual(['usage: x [--alpha <a>]', '    [--beta <b>]']);
  });

  it('lists each command of a group with its usage and summary', () => {
    const text = groupHelpText({ name: 'g', invocation: 'npm run g --', summary: 'a group', commands: { explore: { ...EXPLORE, invocation: 'npm run g -- explore' } } });
    expect(text.split('\n')).toEqual(expect.arrayContaining(['usage: npm run g -- <command> [--help]', '  npm run g -- explore [--scenario <name>] [--all-invariants]', '      look for the race']));
  });
});
