import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bench',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Unit tests of the report: well under a second; 10 s is a guard against a hang.
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
});
