import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workshop',
    include: ['test/**/*.test.ts'],
    // The fixture workshop's lesson tests run only inside the CLI tests' temporary repositories.
    exclude: ['test/fixtures/**'],
    environment: 'node',
    // The tests read the CLI's text; picocolors would colour it whenever CI is set.
    env: { NO_COLOR: '1' },
    // Several tests start the CLI, and Vitest inside it, in a child process: a few seconds
    // on a quiet machine, a minute or more on a 2-core machine under heavy load. A guard,
    // not a speed check (that is `npm run bench`); the tests that start the CLI many
    // times (watch mode, verify) and the browser test give themselves larger budgets.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
