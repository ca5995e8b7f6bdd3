import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workshop',
    include: ['test/**/*.test.ts'],
    // Fixture lessons are run by the tests themselves, inside a copy of the repository.
    exclude: ['test/fixtures/**', '**/node_modules/**'],
    environment: 'node',
    // A guard, not a speed assertion: these tests start Vitest and Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
