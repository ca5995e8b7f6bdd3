import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'class',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    env: { NO_COLOR: '1' },
    // Boards run in child processes and the load run sends thousands of verdicts.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
