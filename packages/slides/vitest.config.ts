import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'slides',
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
