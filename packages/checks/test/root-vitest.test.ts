import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/root.ts';

/** Vitest's own entry point, run with the Node that runs this test (CI runs it on 20, 22 and 24). */
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

describe("Vitest's own commands at the root", () => {
  // The root config loads course's lesson projects; a Vitest start and a collection of
  // core's files take seconds on a busy laptop.
  it('start as in any Vitest repository: `npx vitest list --project core` loads the root config and finds core\'s tests', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, [VITEST, 'list', '--project', 'core', '--filesOnly'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 110_000 });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output, 'the root vitest.config.ts failed to load').not.toMatch(/failed to load config|ERR_UNKNOWN_FILE_EXTENSION/);
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/\[core\] packages\/core\/test\/sim\/exhaustive-reductions\.test\.ts/);
  });
});
