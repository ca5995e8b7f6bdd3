import { describe, it } from 'vitest';
import { runClassLoad } from './support/class-load.ts';

/**
 * A small class against a real board: every verdict logged, the page's stream caught up,
 * the board's memory bounded. The full class (60 learners for 30 s, 3,600 verdicts) is
 * `npm run test:long`'s: load.long.test.ts.
 */
describe('10 learners, a verdict every 100 ms each for 2 s', () => {
  // A board in a child process and 200 verdicts: about 3 s quiet, a budget for a busy laptop.
  it('loses nothing, the page stream keeps up, and the board stays under 150 MB', async () => {
    await runClassLoad({ learners: 10, intervalMs: 100, seconds: 2 }, 120_000);
  }, 120_000);
});
