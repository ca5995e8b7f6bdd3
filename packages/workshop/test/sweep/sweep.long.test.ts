import { longSeed } from '../support/long-seed.ts';
import { sweepEveryCommand } from './sweep-suite.ts';

// The fast suite sweeps a thousand command lines per command on one fixed seed; here twenty
// thousand, on a fresh (printed) seed each time unless one is given, reach what it never does.
// Twenty thousand parses take a few seconds per command; two minutes is for a busy laptop.
sweepEveryCommand({ runs: 20_000, seed: longSeed('sweep'), budgetMs: 120_000 });
