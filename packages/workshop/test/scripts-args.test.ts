import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@outage-lab/course';

const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const script = (name: string, ...argv: string[]) =>
  spawnSync(process.execPath, [tsx, join(REPO_ROOT, name), ...argv], { encoding: 'utf8', cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });

describe('npm run verify and npm test refuse a bad flag before running anything', () => {
  it('verify -- --bogus: one line, exit 2, no check run', () => {
    const result = script('packages/course/src/verify/cli.ts', '--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('verify: unknown option "--bogus" (valid: --help)\n');
    expect(result.stdout).toBe('');
    // Node and tsx start for one parse: a second or two quiet, several on a busy laptop.
  }, 120_000);

  it('npm test -- --bogus: one line, exit 2, and no count from an earlier run', () => {
    const result = script('scripts/test.ts', '--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('test: unknown option "--bogus" (valid: --force, --help)\n');
    expect(result.stdout).not.toMatch(/passed|failed/);
    // Node and tsx start for one parse: a second or two quiet, several on a busy laptop.
  }, 120_000);
});
