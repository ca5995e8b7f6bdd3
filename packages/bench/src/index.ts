import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { machine, toJson, toTable, type Entry } from './report.ts';
import { SECTIONS, selected } from './sections.ts';

const VALID = 'valid: --json, --only <prefix>, --help';
const USAGE = `usage: npm run bench [-- --json] [-- --only <prefix>]
  --json           print one JSON object on stdout and nothing else (progress goes to stderr)
  --only <prefix>  run only the figures under a prefix: ${[...new Set(SECTIONS.map((s) => s.prefix.split('.')[0]))].join(', ')}, or deeper (explore.pct)
Use npm run -s bench -- --json when piping: npm itself prints a banner on stdout.`;

interface Options {
  readonly json: boolean;
  readonly only: string | undefined;
  readonly help: boolean;
}

/** Turns node's parseArgs errors into one line naming the problem and the valid flags. */
function explain(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${quoted}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument '${quoted}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /--only/.test(message) ? '--only needs a prefix, such as --only explore' : message.split('\n')[0] ?? message;
  throw error;
}

function parse(args: readonly string[]): Options | string {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { json: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    return { json: values.json === true, only: values.only, help: values.help === true };
  } catch (error) {
    return explain(error);
  }
}

function progress(text: string): void {
  process.stderr.write(text);
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(`bench: ${options} (${VALID})`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const only = options.only;
  const sections = SECTIONS.filter((s) => selected(s, only));
  if (sections.length === 0) {
    console.error(`bench: --only ${only} matches no figure (valid prefixes: ${SECTIONS.map((s) => s.prefix).join(', ')})`);
    return 2;
  }
  const wanted = (key: string): boolean => only === undefined || key.startsWith(only);

  const meta = machine(only);
  const started = performance.now();
  const entries: Entry[] = [];
  for (const section of sections) {
    progress(`bench: ${section.prefix} … `);
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
  console.log(options.json ? toJson(report) : toTable(report));
  return entries.some((e) => 'failed' in e) ? 1 : 0;
}

process.exitCode = await main();
