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
    // Several tests start the CLI, and Vitest inside it, in a child process.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
