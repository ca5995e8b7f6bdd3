import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '@outage-lab/core/chromium';
import { BadInput, parseFlags, reportError, wholeNumber, type FlagSpec } from '@outage-lab/core/cli';
import { buildDecks, selectDecks, writeDeck, writeIndex, type BuildOptions } from './build.ts';
import { decksFolder, manifestFile, outFolder } from './paths.ts';
import { exportPdfs } from './pdf.ts';
import { serveDecks } from './server.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const COMMANDS = ['build', 'serve', 'pdf'] as const;
const OPTIONS: Readonly<Record<string, FlagSpec>> = {
  decks: { type: 'string' },
  out: { type: 'string' },
  manifest: { type: 'string' },
  port: { type: 'string' },
  html: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

export const USAGE = `usage: slides <build|serve|pdf> [deck ...] [options]
  build   write every deck (or the named ones) to slides/dist as one self-contained HTML file
  serve   build, serve on http://127.0.0.1:8040 and reload a deck when it changes
  pdf     build, then print each deck to slides/dist/<deck>.pdf with Chromium
options:
  --decks <dir>      folder of deck .md files (default: slides)
  --out <dir>        output folder (default: slides/dist)
  --manifest <file>  lesson manifest for the agenda (default: exercises/manifest.json)
  --port <n>         port for serve, 0 for any free one (default: 8040)
  --html             allow raw HTML in decks (off by default)`;

class UsageError extends BadInput {}

/** Runs one command; returns the exit code. Bad arguments give one line and 2. */
export async function runCommand(argv: readonly string[], io: Io, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError('slides', error, io.err, env);
  }
}

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

export interface SlidesPlan {
  readonly command: (typeof COMMANDS)[number];
  readonly decks: readonly string[];
  readonly options: BuildOptions;
  readonly outDir: string;
  /** Only for serve. */
  readonly port: number | null;
}

/**
 * The command line read and checked completely, paths included, before any deck is
 * built or any file written; null for --help. Throws a one-line BadInput.
 */
export function planSlides(argv: readonly string[]): SlidesPlan | null {
  const { values, positionals } = parse(argv);
  if (values['help'] === true) return null;
  const [command, ...decks] = positionals;
  const known = COMMANDS.find((c) => c === command);
  if (known === undefined) {
    const got = command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`;
    throw new UsageError(`${got} (valid: ${COMMANDS.join(', ')}; see --help)`);
  }
  const decksDir = decksFolder(text(values['decks']) ?? resolve(REPO, 'slides'));
  const outDir = outFolder(text(values['out']) ?? join(decksDir, 'dist'), { decksDir, repo: REPO });
  const options: BuildOptions = {
    decksDir,
    manifestPath: manifestFile(text(values['manifest']) ?? resolve(REPO, 'exercises/manifest.json')),
    only: decks,
    html: values['html'] === true,
  };
  const port = known === 'serve' ? parsePort(text(values['port'])) : null;
  if (known !== 'serve' && values['port'] !== undefined) throw new UsageError(`--port only applies to serve`);
  try {
    selectDecks(decksDir, decks);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return { command: known, decks, options, outDir, port };
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const plan = planSlides(argv);
  if (plan === null) {
    io.out(USAGE);
    return 0;
  }
  const { command, decks, options, outDir, port } = plan;

  if (port !== null) {
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

  const results = buildDecks(options);
  const written: string[] = [];
  for (const result of results) {
    const file = writeDeck(result, outDir);
    if (file !== null) written.push(file);
    for (const error of result.errors) io.err(error.message);
  }
  // The index lists every deck: building some of them leaves an existing index alone.
  if (decks.length === 0 || !existsSync(join(outDir, 'index.html'))) writeIndex(results, outDir);
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

function parse(argv: readonly string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    return parseFlags(argv, OPTIONS, { positionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8040;
  try {
    return wholeNumber('--port', value, 0, 65535);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (0 picks any free port)`);
  }
}
