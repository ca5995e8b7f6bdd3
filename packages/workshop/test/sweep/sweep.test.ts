import { describe, expect, it } from 'vitest';
import { PATH_TRICKS } from './arbitraries.ts';
import { SWEPT_COMMANDS } from './commands.ts';
import { SPAWN_BUDGET_MS, spawnCommand } from './spawn.ts';
import { STACK, sweepEveryCommand } from './sweep-suite.ts';

// The thousand command lines per command, on a fixed seed: about a second for all of
// them, so they stay here; sweep.long.test.ts sweeps twenty times as many on a fresh seed.
// Each command's budget is a hang guard: its thousand parses take a tenth of a second.
sweepEveryCommand({ runs: 1000, seed: 20251019, budgetMs: 10_000 });

describe('the checks of the sweep can fail', () => {
  it('STACK finds a real stack trace, its header or any frame alone, and not a one-line error', () => {
    const stack = new TypeError('boom').stack ?? '';
    expect(stack).toMatch(STACK);
    for (const line of stack.split('\n')) expect(line).toMatch(STACK);
    expect('node:internal/process/task_queues:95').toMatch(STACK);
    for (const line of ['lesson: unknown option "--STACK" (valid: --watch, --poll, --help)', 'explore: --runs "x" is not a whole number from 1 to 1000000', 'class join: the board refused: wrong join code']) {
      expect(line).not.toMatch(STACK);
    }
  });
});

describe('spot checks in real processes: one hostile command line per entry point', () => {
  const hostile: Record<string, readonly string[]> = {
    start: ['__proto__'],
    lesson: ['constructor'],
    hint: ['toString'],
    reset: ['../../etc'],
    diff: ['99999999999999999999999'],
    doctor: ['--port=-1'],
    ui: ['--port', '-1'],
    starters: ['--refresh=1'],
    explore: ['--replay', 'constructor@timed#1'],
    replay: ['--seed', '-1'],
    slides: ['build', '--out', ''],
    verify: ['--bogus'],
    test: ['--bogus'],
    'test:long': ['--seed', '-1'],
    class: ['join', '__proto__'],
    bench: ['--only', 'constructor'],
    'slides:build': ['--out', '/'],
    'slides:pdf': ['--decks', ''],
  };

  it.each(SWEPT_COMMANDS.map((c) => [c.name, c] as const))('%s', async (name, command) => {
    const argv = hostile[name] ?? [PATH_TRICKS[3] ?? '..', '--bogus'];
    const result = await spawnCommand([...command.process, ...argv]);
    expect(result.code, result.err).toBe(2);
    expect(result.err.trimEnd().split('\n'), 'one line').toHaveLength(1);
    expect(result.err).not.toMatch(STACK);
    // Node and tsx start, then one parse: a second or two, far more on a busy laptop.
  }, SPAWN_BUDGET_MS);

  it('explore | head: a reader that goes away is no crash and no stack trace', async () => {
    const explore = SWEPT_COMMANDS.find((c) => c.name === 'explore');
    const result = await spawnCommand([...(explore?.process ?? []), '--all-invariants'], { closeStdout: true });
    expect(result.err).not.toMatch(/EPIPE/);
    expect(result.err).not.toMatch(STACK);
    expect(result.code).toBe(0);
    // The explorer lists every invariant after loading the simulator: a few seconds.
  }, SPAWN_BUDGET_MS);
});
