import { defineConfig } from 'vitest/config';
import { lessonProjects } from './packages/workshop/src/vitest-projects.ts';

/**
 * One configuration for everything, so one Vitest UI can show it all: the packages'
 * own tests, and each lesson twice (the learner's starter and the solution).
 */
export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/workshop', 'packages/slides', 'packages/class', ...lessonProjects()],
  },
});
