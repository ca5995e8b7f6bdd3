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
import { quietOnClosedPipe, reportError } from '@outage-lab/cli';
import { parseTestArgs, TEST_USAGE, type ScriptArgs } from '@outage-lab/course/test-args';

const ROOT = join(import.meta.dirname, '..');

interface Counts {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
  readonly numPendingTests?: number;
  readonly numTodoTests?: number;
}

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

quietOnClosedPipe();
let args: ScriptArgs;
try {
  args = parseTestArgs(process.argv.slice(2));
} catch (error) {
  process.exit(reportError('test', error, (line) => console.error(line)));
}
if (args.help) {
  console.log(TEST_USAGE);
  process.exit(0);
}

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

let passed = 0;
let failed = 0;
let skipped = 0;
const missing: string[] = [];
for (const file of results) {
  if (!existsSync(file)) {
    missing.push(file.slice(ROOT.length + 1));
    continue;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8')) as Counts;
  passed += counts.numPassedTests ?? 0;
  failed += counts.numFailedTests ?? 0;
  skipped += (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0);
}

const note = browserNote();
if (note !== null) console.log(pc.yellow(note));
if (missing.length > 0) console.log(pc.red(`no results from: ${missing.join(', ')} (a task failed before its tests ran)`));
const ok = run.status === 0 && failed === 0 && missing.length === 0;
if (run.status !== 0 && failed === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
