import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Unit tests answer in well under a second; 10 s is a guard against a hang, not a speed check.
    testTimeout: 10_000,
    hookTimeout: 10_000,
  },
});
