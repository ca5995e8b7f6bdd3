import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'slides',
    include: ['test/**/*.test.ts'],
    // Seeded soak runs are `npm run test:long`'s (vitest.long.config.ts at the root).
    exclude: ['test/**/*.long.test.ts'],
    environment: 'node',
    // One module graph per worker, not per file: importing the model's sources again for every
    // file cost a third of the suite's CPU. No test keeps module state for the next file
    // (memoised nights are forgotten where a test needs a fresh run: core's forgetMemos).
    isolate: false,
    // Unit tests answer in well under a second; 10 s is a guard against a hang, not a speed
    // check (that is `npm run bench`). A test that needs more names its budget and says why.
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
});
