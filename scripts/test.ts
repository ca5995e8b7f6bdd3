/**
 * `npm test`: type-checks and tests every package, runs the lessons' red/green check
 * (all through Turbo, so an unchanged second run comes from its cache), then adds up
 * Vitest's JSON results and ends with the one line CI reads: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { browserGate } from '@outage-lab/browser';
import { invokedDirectly, tableEntry, type Entry } from '@outage-lab/cli';
import { parseTestArgs, TEST } from '@outage-lab/course/test-args';
import { countLine, scriptArgs, tally } from './script-run.ts';

const ROOT = join(import.meta.dirname, '..');

function browserNote(): string | null {
  try {
    const gate = browserGate();
    return gate.run ? null : `browser tests skipped: ${gate.reason}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A package whose package.json has a test script; the others (browser, bench) report no results. */
function hasTests(dir: string): boolean {
  const path = join(dir, 'package.json');
  if (!existsSync(path)) return false;
  const scripts = (JSON.parse(readFileSync(path, 'utf8')) as { scripts?: Record<string, string> }).scripts;
  return scripts?.['test'] !== undefined;
}

export const entry: Entry = tableEntry(TEST, parseTestArgs);

function main(): never {
  const args = scriptArgs(TEST, parseTestArgs);

  const results = [
    ...readdirSync(join(ROOT, 'packages'))
      .filter((p) => hasTests(join(ROOT, 'packages', p)))
      .map((p) => join(ROOT, 'packages', p, '.results', 'vitest.json')),
    join(ROOT, '.results', 'verify.json'),
  ];
  // Results of an earlier run are never counted: Turbo writes them again, or restores them
  // from its cache, only for the tasks of this run.
  for (const file of results) rmSync(file, { force: true });

  const turbo = join(ROOT, 'node_modules', '.bin', 'turbo');
  const run = spawnSync(turbo, ['run', 'typecheck', 'test', 'verify', '--continue', '--output-logs=new-only', ...args.turbo], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', DO_NOT_TRACK: '1' },
  });

  const total = tally(results);
  const note = browserNote();
  if (note !== null) console.log(pc.yellow(note));
  if (total.missing.length > 0) console.log(pc.red(`no results from: ${total.missing.map((f) => f.slice(ROOT.length + 1)).join(', ')} (a task failed before its tests ran)`));
  const ok = run.status === 0 && total.failed === 0 && total.missing.length === 0;
  if (run.status !== 0 && total.failed === 0) total.failed = 1;
  console.log(countLine(total));
  process.exit(ok ? 0 : 1);
}

if (invokedDirectly(import.meta.url)) main();
