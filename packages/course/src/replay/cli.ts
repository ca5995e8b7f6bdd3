import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { STANDARD_VARIANTS, october2025Region, runVariants, variantOf, type RegionConfig } from '@outage-lab/core';
import { helpText, invokedDirectly, quietOnClosedPipe, reportError, tableEntry, type Entry } from '@outage-lab/cli';
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
 * service, and with `--html` writes a standalone report with the charts.
 * Returns the exit code: 0, or 2 for a bad command line (one line on stderr).
 * `env` holds what npm kept of flags typed without the `--`.
 */
export function replay(argv: readonly string[], io: ReplayIo, env: Readonly<Record<string, string | undefined>> = {}): number {
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
  if (args.distribution) {
    io.err('replay: --distribution runs many nights on threads; run it from the command line: npm run replay -- --distribution\n');
    return 2;
  }
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
  const config: RegionConfig = args.seed === null ? october2025Region : { ...october2025Region, seed: args.seed };
  const variants = args.fixes === null ? STANDARD_VARIANTS : [variantOf([]), ...(args.fixes.length === 0 ? [] : [variantOf(args.fixes)])];
  const bar = new ProgressLine(io.progress);
  const outcomes = runVariants(config, referenceFixes(), variants, (fraction, variant, stage) => bar.update(fraction, `${variant.label} · ${stage}`));
  bar.done();
  io.out(`${replayText(outcomes)}\n`);
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
  };
  const argv = process.argv.slice(2);
  try {
    const args = parseReplayArgs(argv, process.env);
    process.exitCode = args.distribution && !args.help ? await replayDistribution(io, args.seed) : replay(argv, io, process.env);
  } catch (error) {
    process.exitCode = reportError(REPLAY.name, error, (line) => void process.stderr.write(`${line}\n`));
  }
}
