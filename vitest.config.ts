import { fileURLToPath } from 'node:url';
import { lessonProjects } from '@outage-lab/course/vitest-projects';
import { defineConfig } from 'vitest/config';

/**
 * One configuration for everything, so one Vitest UI can show it all: the packages'
 * own tests, and each lesson twice (the learner's starter and the solution). The root is
 * this file's folder, never course's own idea of it: the workshop's tests run this file
 * in temporary copies of the repository.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/course', 'packages/workshop', 'packages/slides', 'packages/class', 'packages/checks', ...lessonProjects(ROOT)],
  },
});
