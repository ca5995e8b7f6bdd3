import { describe, expect, it } from 'vitest';
import { longSeed } from '../support/long-seed.ts';
import { SWEPT_COMMANDS } from './commands.ts';
import { SPAWN_BUDGET_MS, spawnCommand } from './spawn.ts';
import { STACK, sweepEveryCommand } from './sweep-suite.ts';

// The fast suite sweeps a thousand command lines per command on one fixed seed; here twenty
// thousand, on a fresh (printed) seed each time unless one is given, reach what it never does.
// Twenty thousand parses take a few seconds per command; two minutes is for a busy laptop.
sweepEveryCommand({ runs: 20_000, seed: longSeed('sweep'), budgetMs: 120_000 });

// The fast sweep reads --help in process; here every script answers it as a learner types it.
describe('every script answers --help and -h in a real process: its usage on stdout, exit 0', () => {
  it.each(SWEPT_COMMANDS.flatMap((c) => [[c.name, '--help', c] as const, [c.name, '-h', c] as const]))('%s %s', async (_name, flag, command) => {
    const result = await spawnCommand([...command.process, flag]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^usage: /);
    expect(result.out).toMatch(/-h, --help +print this help and exit/);
    expect(result.err).not.toMatch(STACK);
  }, SPAWN_BUDGET_MS);
});
