import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workshop',
    include: ['test/**/*.test.ts'],
    // The fixture workshop's lesson tests run only inside the CLI tests' temporary repositories;
    // seeded soak runs are `npm run test:long`'s (vitest.long.config.ts at the root).
    exclude: ['test/fixtures/**', 'test/**/*.long.test.ts'],
    environment: 'node',
    // The tests read the CLI's text; picocolors would colour it whenever CI is set.
    env: { NO_COLOR: '1' },
    // Unit tests answer in well under a second; 10 s is a guard against a hang, not a speed
    // check (that is `npm run bench`). A test that needs more names its budget and says why.
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
});
