import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '@outage-lab/browser';
import { buildDecks, selectDecks, writeDeck, writeIndex, type BuildOptions } from './build.ts';
import { exportPdfs } from './pdf.ts';
import { serveDecks } from './server.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const COMMANDS = ['build', 'serve', 'pdf'] as const;
const OPTIONS = {
  decks: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  html: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const USAGE = `usage: slides <build|serve|pdf> [deck ...] [options]
  build   write every deck (or the named ones) to slides/dist as one self-contained HTML file
  serve   build, serve on http://127.0.0.1:8040 and reload a deck when it changes
  pdf     build, then print each deck to slides/dist/<deck>.pdf with Chromium
options:
  --decks <dir>      folder of deck .md files (default: slides)
  --out <dir>        output folder (default: <decks>/dist)
  --port <n>         port for serve, 0 for any free one (default: 8040)
  --html             allow raw HTML in decks (off by default)`;

/**
 * What the caller gives the generic engine: where `sim` diagrams and the `agenda` come
 * from, the files behind them that a served deck should follow, and the default decks
 * folder. The engine's own CLI gives none of them; a course's deck command gives all.
 */
export interface DeckSources {
  readonly diagrams?: BuildOptions['diagrams'];
  readonly agenda?: BuildOptions['agenda'];
  readonly widgets?: BuildOptions['widgets'];
  readonly watchFiles?: readonly string[];
  /** The default for --decks; `slides` in the working directory otherwise. */
  readonly decksDir?: string;
}

class UsageError extends Error {}

/** Runs one command; returns the exit code. Bad arguments give one line and 2. */
export async function runCommand(argv: readonly string[], io: Io, sources: DeckSources = {}): Promise<number> {
  try {
    return await dispatch(argv, io, sources);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`slides: ${error.message}`);
      return 2;
    }
    io.err(`slides: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return 1;
  }
}

async function dispatch(argv: readonly string[], io: Io, sources: DeckSources): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help === true) {
    io.out(USAGE);
    return 0;
  }
  const [command, ...decks] = positionals;
  if (command === undefined || !(COMMANDS as readonly string[]).includes(command)) {
    const got = command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`;
    throw new UsageError(`${got} (valid: ${COMMANDS.join(', ')}; see --help)`);
  }
  const decksDir = resolve(values.decks ?? sources.decksDir ?? 'slides');
  if (!existsSync(decksDir)) throw new UsageError(`--decks: ${decksDir} does not exist`);
  const outDir = resolve(values.out ?? resolve(decksDir, 'dist'));
  const options: BuildOptions = {
    decksDir,
    only: decks,
    html: values.html === true,
    ...(sources.diagrams === undefined ? {} : { diagrams: sources.diagrams }),
    ...(sources.agenda === undefined ? {} : { agenda: sources.agenda }),
    ...(sources.widgets === undefined ? {} : { widgets: sources.widgets }),
    ...(sources.watchFiles === undefined ? {} : { watchFiles: sources.watchFiles }),
  };
  try {
    selectDecks(decksDir, decks);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }

  if (command === 'serve') {
    const port = parsePort(values.port);
    const server = await serveDecks({ ...options, only: [], outDir, port, log: io.out }).catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'EADDRINUSE') throw new UsageError(`--port: ${port} is already in use (choose another, or 0 for any free port)`);
      throw error;
    });
    io.out(`slides: serving ${server.url} (Ctrl+C to stop)`);
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
    await server.close();
    return 0;
  }

  if (values.port !== undefined) throw new UsageError(`--port only applies to serve`);
  const results = buildDecks(options);
  const written: string[] = [];
  for (const result of results) {
    const file = writeDeck(result, outDir);
    if (file !== null) written.push(file);
    for (const error of result.errors) io.err(error.message);
  }
  writeIndex(results, outDir);
  const failed = results.filter((r) => r.page === null).length;
  io.out(`slides: built ${written.length} of ${results.length} decks into ${relative(process.cwd(), outDir) || '.'}`);

  if (command === 'pdf' && written.length > 0) {
    const chromium = findChromium();
    if (chromium === null) throw new Error("no Chromium found for PDF export (install Debian's `chromium` package or set CHROMIUM_PATH)");
    const pdfs = await exportPdfs(written, outDir, chromium);
    for (const pdf of pdfs) io.out(`slides: wrote ${relative(process.cwd(), pdf)}`);
  }
  return failed > 0 ? 2 : 0;
}

function parse(argv: readonly string[]): ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>> {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const option = /'(-[^']*)'/.exec(message)?.[1];
    const valid = Object.keys(OPTIONS).map((o) => `--${o}`).join(', ');
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? message} (valid: ${valid})`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`option ${option ?? ''} needs a value`.replace('  ', ' '));
    throw new UsageError(message.split('\n')[0] ?? message);
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8040;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port: ${JSON.stringify(value)} is not a port (valid: 0 to 65535)`);
  return port;
}
