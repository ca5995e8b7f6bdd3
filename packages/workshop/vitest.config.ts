import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workshop',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
