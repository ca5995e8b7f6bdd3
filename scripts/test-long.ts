/**
 * `npm run test:long`: the seeded soak runs (every `*.long.test.ts`), apart from `npm test`.
 * One seed a run, new each time unless `--seed N` replays one; it is printed first and
 * last, so any failure can be run again exactly. Ends with the line CI reads.
 */
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { invokedDirectly, tableEntry, type Entry } from '@outage-lab/cli';
import { MAX_LONG_SEED, parseTestLongArgs, TEST_LONG } from '@outage-lab/course/test-args';
import { countLine, scriptArgs, tally } from './script-run.ts';

const ROOT = join(import.meta.dirname, '..');
const RESULTS = join(ROOT, '.results', 'long.json');

export const entry: Entry = tableEntry(TEST_LONG, parseTestLongArgs);

function main(): never {
  const args = scriptArgs(TEST_LONG, parseTestLongArgs);
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

  const total = tally([RESULTS]);
  if (run.status !== 0 && total.failed === 0) total.failed = 1;
  if (total.failed > 0) console.log(`test:long: seed ${seed}; to replay: ${replay}`);
  console.log(countLine(total));
  process.exit(total.failed === 0 ? 0 : 1);
}

if (invokedDirectly(import.meta.url)) main();
