import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // A guard, not a speed assertion: the exploration tests take seconds on a loaded
    // 2-core machine, and speed is measured by `npm run bench`.
    testTimeout: 60_000,
  },
});
