import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exploreMain } from '../src/explore/explore-command.ts';
import type { SearchEnv } from '../src/explore/search-run.ts';
import { fixedEnactorModule } from '../src/solution-modules.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/enactors/${name}.ts`, import.meta.url));
const SOLUTION = fileURLToPath(fixedEnactorModule());

/**
 * A search environment without a process: its clock moves ten seconds a reading, so every
 * progress report prints a line, and a Ctrl-C can be pressed from inside a test.
 */
function fakeEnv(options: { interruptAtFirstLine?: boolean } = {}): { env: SearchEnv; lines: string[] } {
  const lines: string[] = [];
  let t = 0;
  let interrupt: (() => void) | null = null;
  const env: SearchEnv = {
    now: () => (t += 10_000),
    status: (line) => {
      lines.push(line);
      if (options.interruptAtFirstLine === true) interrupt?.();
    },
    tty: false,
    memoryMB: () => 42,
    onInterrupt(handler) {
      interrupt = handler;
      return () => void (interrupt = null);
    },
    every(ms, check) {
      const timer = setInterval(check, ms);
      return () => clearInterval(timer);
    },
  };
  return { env, lines };
}

async function explore(argv: string[], env: SearchEnv = fakeEnv().env): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await exploreMain(argv, { out: (l) => void out.push(l), err: (l) => void err.push(l) }, {}, env);
  return { code, out: out.join('\n'), err };
}

describe('explore --enactor, --workers, --symmetry, --max-states: hostile input is one line and exit 2', () => {
  it.each([
    [['--workers', '-1'], /--workers "-1" is not a whole number from 0 to 64/],
    [['--workers', 'two'], /--workers "two" is not a whole number/],
    [['--workers', '65'], /--workers "65" is not a whole number from 0 to 64/],
    [['--max-states', '0'], /--max-states "0" is not a whole number from 1/],
    [['--symmetry', 'maybe'], /--symmetry "maybe" is neither on nor off/],
    [['--strategy', 'random', '--workers', '2'], /--workers tunes the exhaustive search, not random schedules/],
    [['--strategy', 'pct', '--symmetry', 'off'], /--symmetry tunes the exhaustive search/],
    [['--replay', 'smallScope@replay#0:P', '--workers', '2'], /--workers cannot be given with it/],
    [['--enactor', 'no-such-enactor.ts'], /--enactor: "no-such-enactor.ts" is not a file \(valid: a .ts or .js module that exports a DnsEnactor class/],
    [['--enactor', 'README.md'], /--enactor: "README.md" is not a module file/],
    [['--enactor', ''], /--enactor: "" is not a module file/],
    [['--enactor', 'no-such-enactor.ts', '--replay', 'smallScope@replay#0:P'], /is not a file/],
    [['--enactor', fixture('throws')], /does not load: half-written: the batch step is not there yet/],
    [['--enactor', fixture('not-an-enactor')], /has no ready, describe, step method \(valid: a class that extends EnactorSteps\)/],
    [['--enactor', fileURLToPath(new URL('../src/explore/enactor-file.ts', import.meta.url))], /exports no DnsEnactor class/],
    [['--enactor', fixture('throws'), '--replay', 'smallScope@replay#0:P'], /does not load/],
  ])('%j', async (argv, problem) => {
    const result = await explore(argv);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(/^explore: /);
    expect(result.err[0]).toMatch(problem);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
  });
});

describe('explore --enactor: the search runs the learner\u2019s Enactor', () => {
  it("lesson 02's solution on the small scope: every state, no invariant broken", async () => {
    const result = await explore(['--enactor', SOLUTION, '--all-invariants']);
    expect(result.err).toEqual([]);
    expect(result.out).toMatch(/^smallScope: [\d,]+ states to depth \d+, .* sequential, symmetry on\) \(complete\)\nno invariant broke$/);
    expect(result.code).toBe(0);
  });

  it('an Enactor with the race: the report says how to replay it with the same file, and that replay reproduces it', async () => {
    const found = await explore(['--enactor', fixture('faithful')]);
    expect(found.code).toBe(0);
    const hint = found.out.split('\n').find((l) => l.startsWith('  with your Enactor: '));
    const command = /--enactor (\S+) --replay '(\S+)'$/.exec(hint ?? '');
    expect(command, found.out).not.toBeNull();
    const again = await explore(['--enactor', command?.[1] ?? '', '--replay', command?.[2] ?? '']);
    expect(again.code, again.err.join('\n')).toBe(0);
    expect(again.out).toMatch(/^✖ regional-endpoint-resolves broken after step \d+/m);
  });
});

describe('explore: progress, Ctrl-C and worker threads', () => {
  // Budgets: the real-size searches below stop after one progress report, and the
  // parallel ones start two worker threads that load the model through tsx: seconds on
  // a busy 2-core machine.
  it('prints a progress line (states, depth, states/s, memory) and stops cleanly on Ctrl-C, saying what it covered', { timeout: 120_000 }, async () => {
    const { env, lines } = fakeEnv({ interruptAtFirstLine: true });
    const result = await explore(['--scenario', 'realScope', '--all-invariants', '--enactor', SOLUTION], env);
    expect(lines[0]).toMatch(/^explore: [\d,]+ states, depth \d+, [\d,]+ states\/s, 42 MB\n$/);
    expect(result.out).toMatch(/^realScope: [\d,]+ states to depth \d+/);
    expect(result.out).toMatch(/\ninterrupted: every state up to depth \d+ was covered, and none broke an invariant; the search is incomplete$/);
    expect(result.code).toBe(130);
  });

  it('--max-states stops the search and says it is incomplete', { timeout: 120_000 }, async () => {
    const result = await explore(['--scenario', 'realScope', '--all-invariants', '--enactor', SOLUTION, '--max-states', '2000']);
    expect(result.out).toMatch(/\nstopped at --max-states: every state up to depth \d+ was covered/);
    expect(result.out).not.toMatch(/\(complete\)/);
    expect(result.code).toBe(0);
  });

  it('--workers 2 finds the same shortest counterexample, from the same number of states, as the sequential search', { timeout: 180_000 }, async () => {
    const alone = await explore(['--scenario', 'realScope']);
    const spread = await explore(['--scenario', 'realScope', '--workers', '2']);
    const states = (out: string): string => /^realScope: ([\d,]+) states to depth (\d+)/.exec(out)?.slice(1).join('@') ?? out;
    const report = (out: string): string => out.split('\n').slice(1).join('\n');
    expect(spread.err).toEqual([]);
    expect(spread.out).toMatch(/on 2 worker threads, symmetry on\)/);
    expect(states(spread.out)).toBe(states(alone.out));
    expect(report(spread.out)).toBe(report(alone.out));
    expect(report(alone.out)).toMatch(/^✖ regional-endpoint-resolves broken after step \d+/);
  });

  it('--workers 2 stops cleanly on Ctrl-C too', { timeout: 180_000 }, async () => {
    const { env } = fakeEnv({ interruptAtFirstLine: true });
    const result = await explore(['--scenario', 'realScope', '--all-invariants', '--enactor', SOLUTION, '--workers', '2'], env);
    expect(result.out).toMatch(/\ninterrupted: every state up to depth \d+ was covered/);
    expect(result.code).toBe(130);
  });
});
