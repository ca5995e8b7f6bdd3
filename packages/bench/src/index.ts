import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { BadInput, helpText, invokedDirectly, parseCommand, runAsProcess, stringFlag, tableEntry, type CommandTable, type Entry as CliEntry } from '@outage-lab/cli';
import { machine, toJson, toTable, type Entry } from './report.ts';
import { SECTIONS, selected, type Section } from './sections.ts';

const TOP_PREFIXES = [...new Set(SECTIONS.map((s) => s.prefix.split('.')[0] ?? s.prefix))];

export const BENCH: CommandTable = {
  name: 'bench',
  invocation: 'npm run bench',
  script: 'bench',
  summary: "every package's bench sections: each scope's inputs once, then its measured figures beside their targets",
  flags: {
    json: { type: 'boolean', help: 'print one JSON object on stdout and nothing else (progress goes to stderr)' },
    only: { type: 'string', value: 'prefix', examples: [...TOP_PREFIXES, 'explore.pct'], help: `run only the figures under a prefix: ${TOP_PREFIXES.join(', ')}, or deeper (explore.pct)`, check: (prefix) => void sectionsUnder(prefix) },
  },
  notes: ['Use npm run -s bench -- --json when piping: npm itself prints a banner on stdout.'],
};

/** The sections `--only` selects; none is one line naming the prefixes there are. */
function sectionsUnder(only: string | undefined): readonly Section[] {
  const sections = SECTIONS.filter((s) => selected(s, only));
  if (sections.length === 0) throw new BadInput(`--only ${only ?? ''} matches no figure (valid prefixes: ${SECTIONS.map((s) => s.prefix).join(', ')})`);
  return sections;
}

export const entry: CliEntry = tableEntry(BENCH, (argv, context) => void parseCommand(BENCH, argv, { env: context.env }));

function progress(text: string): void {
  process.stderr.write(text);
}

async function main(): Promise<number> {
  const { help, flags } = parseCommand(BENCH, process.argv.slice(2), { env: process.env });
  if (help) {
    console.log(helpText(BENCH));
    return 0;
  }
  const only = stringFlag(flags, 'only');
  const sections = sectionsUnder(only);
  const wanted = (key: string): boolean => only === undefined || key.startsWith(only);

  const meta = machine(only);
  const started = performance.now();
  const entries: Entry[] = [];
  for (const section of sections) {
    progress(`bench: ${section.prefix} … `);
    if (section.inputs !== undefined) entries.push({ key: section.prefix, inputs: section.inputs });
    const sectionStarted = performance.now();
    try {
      const results = await section.run(wanted);
      for (const [key, value] of Object.entries(results)) if (wanted(key)) entries.push({ key, value });
      for (const key of section.keys) {
        if (!(key in results) && wanted(key)) entries.push({ key, missing: `${section.prefix} ran but did not report it` });
      }
      progress(`${((performance.now() - sectionStarted) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      entries.push({ key: section.prefix, failed: message });
      progress(`FAILED: ${message}\n`);
    }
  }
  meta.seconds = Math.round((performance.now() - started) / 100) / 10;
  meta.loadAverageAtEnd = Math.round((loadavg()[0] ?? 0) * 100) / 100;

  const report = { meta, entries };
  console.log(flags['json'] === true ? toJson(report) : toTable(report));
  return entries.some((e) => 'failed' in e) ? 1 : 0;
}

if (invokedDirectly(import.meta.url)) await runAsProcess(BENCH.name, main);
