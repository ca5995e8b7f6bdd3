import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exploreMain } from '../src/explore/explore-command.ts';

const LOOPS = fileURLToPath(new URL('./fixtures/enactors/loops.ts', import.meta.url));

async function explore(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await exploreMain(argv, { out: (l) => void out.push(l), err: (l) => void err.push(l) }, {});
  return { code, out, err };
}

describe('explore --enactor: an Enactor whose step never returns is named, not waited on', () => {
  // Budget: worker threads that load the model through tsx (seconds on a busy 2-core
  // machine), then the 5 s the watchdog gives a step before it calls it stuck.
  it.each([[[]], [['--workers', '2']]])('%j: one line naming the step and the file, exit 1', { timeout: 60_000 }, async (extra: string[]) => {
    const result = await explore(['--scenario', 'smallScope', '--enactor', LOOPS, ...extra]);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^explore: enactor-az\d's checkFreshness step \(.*loops\.ts\) has not returned after 5 s: it never ends, so the search stopped$/);
    expect(result.code).toBe(1);
  });
});
