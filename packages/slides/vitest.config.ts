import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'slides',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Budgets for a busy 2-core laptop, not for speed (that is `npm run bench`): building
    // every deck draws the simulator's diagrams, which takes seconds there. The browser
    // tests start Chromium and give their describe block a budget of its own.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
