import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChromium } from '@outage-lab/browser';
import { reportError } from '@outage-lab/cli';
import { buildDecks, writeDeck, writeIndex, type BuildOptions } from './build.ts';
import { exportPdfs } from './pdf.ts';
import { planSlides, UsageError } from './plan.ts';
import { serveDecks } from './server.ts';

export { planSlides, type SlidesPlan } from './plan.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `usage: slides <build|serve|pdf> [deck ...] [options]
  build   write every deck (or the named ones) to slides/dist as one self-contained HTML file
  serve   build, serve on http://127.0.0.1:8040 and reload a deck when it changes
  pdf     build, then print each deck to slides/dist/<deck>.pdf with Chromium
options:
  --decks <dir>      folder of deck .md files (default: slides)
  --out <dir>        output folder (default: <decks>/dist)
  --port <n>         port for serve, 0 for any free one (default: 8040)
  --html             allow raw HTML in decks (off by default)
  --board <url>      serve and build: the presenter view shows this board's feed in a
                     corner (a URL on 127.0.0.1; a course may map its board's address)`;


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
  /** Turns `--board <url>` into the feed the presenter view polls; the URL itself otherwise. */
  readonly boardFeed?: (board: string) => string;
}

/** Runs one command; returns the exit code. Bad arguments give one line and 2. */
export async function runCommand(argv: readonly string[], io: Io, sources: DeckSources = {}, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    return await dispatch(argv, io, sources);
  } catch (error) {
    return reportError('slides', error, io.err, env);
  }
}

async function dispatch(argv: readonly string[], io: Io, sources: DeckSources): Promise<number> {
  const plan = planSlides(argv, {
    ...(sources.decksDir === undefined ? {} : { decksDir: sources.decksDir }),
    ...(sources.boardFeed === undefined ? {} : { boardFeed: sources.boardFeed }),
  });
  if (plan === null) {
    io.out(USAGE);
    return 0;
  }
  const { command, decks, outDir, port } = plan;
  const options: BuildOptions = {
    ...plan.options,
    ...(sources.diagrams === undefined ? {} : { diagrams: sources.diagrams }),
    ...(sources.agenda === undefined ? {} : { agenda: sources.agenda }),
    ...(sources.widgets === undefined ? {} : { widgets: sources.widgets }),
    ...(sources.watchFiles === undefined ? {} : { watchFiles: sources.watchFiles }),
  };
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
