/**
 * `npm run test:long`: the seeded soak runs (every `*.long.test.ts`), apart from `npm test`.
 * One seed a run, new each time unless `--seed N` replays one; it is printed first and
 * last, so any failure can be run again exactly. Ends with the line CI reads.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { quietOnClosedPipe, reportError } from '@outage-lab/cli';
import { MAX_LONG_SEED, parseTestLongArgs, TEST_LONG_USAGE, type LongArgs } from '@outage-lab/course/test-args';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, '.results', 'long.json');

interface Counts {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
  readonly numPendingTests?: number;
  readonly numTodoTests?: number;
}

quietOnClosedPipe();
let args: LongArgs;
try {
  args = parseTestLongArgs(process.argv.slice(2));
} catch (error) {
  process.exit(reportError('test:long', error, (line) => console.error(line)));
}
if (args.help) {
  console.log(TEST_LONG_USAGE);
  process.exit(0);
}

// The harness may pick a fresh seed; the model never reads one of its own (it is handed this one).
const seed = args.seed ?? randomInt(0, MAX_LONG_SEED);
const replay = `npm run test:long -- --seed ${seed}`;
console.log(`test:long: seed ${seed} (to replay this run: ${replay})`);
rmSync(RESULTS, { force: true });
const run = spawnSync(
  process.execPath,
  [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.long.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, OUTAGE_LAB_LONG_SEED: String(seed) } },
);

const counts: Counts = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Counts) : {};
const passed = counts.numPassedTests ?? 0;
let failed = counts.numFailedTests ?? 0;
const skipped = (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0);
if (run.status !== 0 && failed === 0) failed = 1;
if (failed > 0) console.log(`test:long: seed ${seed}; to replay: ${replay}`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
