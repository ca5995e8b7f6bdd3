import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { STANDARD_VARIANTS, october2025Region, runVariants, variantOf, type RegionConfig } from '@outage-lab/core';
import { helpText, invokedDirectly, quietOnClosedPipe, reportError, tableEntry, type Entry } from '@outage-lab/cli';
import { REPO_ROOT } from '../manifest.ts';
import { REPLAY, parseReplayArgs, type ReplayArgs } from './args.ts';
import { referenceFixes } from '../solutions.ts';
import { replayDistribution } from './distribution.ts';
import type { ReplayIo } from './io.ts';
import { ProgressLine } from './progress.ts';
import { replayReport } from './report.ts';
import { replayText } from './text.ts';

export type { ReplayIo } from './io.ts';

/**
 * `npm run replay`: the whole night in the Region, as it happened and with the fixes of
 * lessons 02–04; prints the phases beside AWS's timeline and the impact minutes per
 * service, and with `--html` writes a standalone report with the charts. Then, unless
 * told otherwise, the night as one sample of many: the distribution over seeds.
 * Resolves to the exit code: 0, or 2 for a bad command line (one line on stderr).
 * `env` holds what npm kept of flags typed without the `--`.
 */
export async function replay(argv: readonly string[], io: ReplayIo, env: Readonly<Record<string, string | undefined>> = {}): Promise<number> {
  let args: ReplayArgs;
  try {
    args = parseReplayArgs(argv, env);
  } catch (error) {
    return reportError(REPLAY.name, error, (line) => io.err(`${line}\n`));
  }
  if (args.help) {
    io.out(`${helpText(REPLAY)}\n`);
    return 0;
  }
  const config: RegionConfig = args.seed === null ? october2025Region : { ...october2025Region, seed: args.seed };
  if (args.distribution === 'only') return replayDistribution(io, config, args.seeds);
  const code = replayNight(args, config, io);
  if (code !== 0 || args.distribution === 'off') return code;
  io.out('\n');
  return replayDistribution(io, config, args.seeds);
}

/** The night itself, with the fixes asked for: printed as soon as it has run. */
function replayNight(args: ReplayArgs, config: RegionConfig, io: ReplayIo): number {
  const reportPath = args.html === null ? null : resolve(io.cwd, args.html);
  if (reportPath !== null && !(existsSync(dirname(reportPath)) && statSync(dirname(reportPath)).isDirectory())) {
    io.err(`replay: --html ${args.html}: the folder ${dirname(reportPath)} does not exist (valid: a file name in an existing folder)\n`);
    return 2;
  }
  // Checked before the night is simulated, so a wrong path never costs the whole run.
  if (reportPath !== null && existsSync(reportPath) && !statSync(reportPath).isFile()) {
    io.err(`replay: --html ${args.html}: ${reportPath} is a folder (valid: a file name in an existing folder)\n`);
    return 2;
  }
  const variants = args.fixes === null ? STANDARD_VARIANTS : [variantOf([]), ...(args.fixes.length === 0 ? [] : [variantOf(args.fixes)])];
  const bar = new ProgressLine(io.progress);
  const outcomes = runVariants(config, referenceFixes(), variants, (fraction, variant, stage) => bar.update(fraction, `${variant.label} · ${stage}`));
  bar.done();
  io.out(`${replayText(outcomes, args.distribution === 'after' ? 'below' : 'elsewhere')}\n`);
  if (reportPath !== null) {
    io.writeFile(reportPath, replayReport(outcomes));
    io.out(`\nWrote ${reportPath}: the charts and tables in one page that opens offline.\n`);
  }
  return 0;
}

export const entry: Entry = tableEntry(REPLAY, (argv, context) => void parseReplayArgs(argv, context.env));

if (invokedDirectly(import.meta.url)) {
  quietOnClosedPipe();
  const io: ReplayIo = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    progress: { isTTY: process.stderr.isTTY === true, write: (text) => void process.stderr.write(text) },
    cwd: process.env['INIT_CWD'] ?? process.cwd(),
    writeFile: (path, text) => writeFileSync(path, text),
    // With the workshop's other local state (its lesson results' cache among it), which git ignores.
    cacheDir: join(REPO_ROOT, '.outage-lab', 'cache'),
  };
  try {
    process.exitCode = await replay(process.argv.slice(2), io, process.env);
  } catch (error) {
    process.exitCode = reportError(REPLAY.name, error, (line) => void process.stderr.write(`${line}\n`));
  }
}
