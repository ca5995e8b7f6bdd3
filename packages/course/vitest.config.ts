import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'course',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The replay runs five nights and the deck tests build every deck with the simulator:
    // seconds on a loaded 2-core machine. A guard, not a speed assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
