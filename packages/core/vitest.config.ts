import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // A guard, not a speed assertion (speed is `npm run bench`): the exhaustive and random
    // explorations and the whole-night runs take 1-5 s on an idle 2-core machine and ten
    // times that on a busy one, which this budget still covers.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
