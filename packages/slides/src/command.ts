import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findChromium } from '@outage-lab/browser';
import { BadInput, entryHelp, reportError } from '@outage-lab/cli';
import { buildDecks, writeDeck, writeIndex, type BuildOptions } from './build.ts';
import { exportPdfs } from './pdf.ts';
import { planSlides, slidesCommands, type Invocations } from './plan.ts';
import { serveDecks } from './server.ts';

export { planSlides, slidesCommands, type Invocations, type SlidesPlan } from './plan.ts';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

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
  /** How the caller's users type each command (`npm run slides:build`), for --help and the error lines. */
  readonly invocations?: Invocations;
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
  const help = entryHelp(slidesCommands(sources.invocations), argv);
  if (help !== null) {
    io.out(help);
    return 0;
  }
  const plan = planSlides(argv, {
    ...(sources.decksDir === undefined ? {} : { decksDir: sources.decksDir }),
    ...(sources.invocations === undefined ? {} : { invocations: sources.invocations }),
    ...(sources.boardFeed === undefined ? {} : { boardFeed: sources.boardFeed }),
  });
  if (plan === null) return 0;
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
      if (code === 'EADDRINUSE') throw new BadInput(`--port: ${port} is already in use (choose another, or 0 for any free port)`);
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
