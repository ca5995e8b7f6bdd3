import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { defineConfig } from 'vitest/config';

/**
 * One configuration for everything, so one Vitest UI can show it all: the packages'
 * own tests, and each lesson twice (the learner's starter and the solution). The root is
 * this file's folder, never course's own idea of it: the workshop's tests run this file
 * in temporary copies of the repository.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

// Vitest loads this file by bundling it and leaves the workspace packages out of the
// bundle, and they are TypeScript, which Node cannot import: so `npx vitest` failed at
// the root. tsx imports course's project list, and only that, with its own loader.
const { lessonProjects } = (await tsImport('./packages/course/src/vitest-projects.ts', import.meta.url)) as typeof import('./packages/course/src/vitest-projects.ts');

export default defineConfig({
  test: {
    projects: ['packages/core', 'packages/course', 'packages/workshop', 'packages/slides', 'packages/class', 'packages/checks', 'packages/cli', 'packages/bench', ...lessonProjects(ROOT)],
  },
});
