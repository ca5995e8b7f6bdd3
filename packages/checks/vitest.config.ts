import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'checks',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Both checks read every source file of the repository: seconds on a loaded machine.
    testTimeout: 60_000,
  },
});
