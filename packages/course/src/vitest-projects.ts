import { join, relative, resolve, dirname, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { loadManifest, REPO_ROOT, type Lesson } from './manifest.ts';

/** The Vitest project name of a lesson's starter (what learners run) and of its solution. */
export const exerciseProject = (lesson: Lesson): string => `${lesson.id} ${lesson.title}`;
export const solutionProject = (lesson: Lesson): string => `solution ${lesson.id}`;

/**
 * Each lesson's tests, as one Vitest project per lesson so the Vitest UI shows each lesson
 * as a group. The solution projects run the very same test files with the lesson's `src/`
 * swapped for the solution's: no test code is ever copied.
 */
export function lessonProjects(root: string = REPO_ROOT): TestProjectInlineConfiguration[] {
  return loadManifest(root).lessons.flatMap((lesson) => {
    const include = [`${lesson.folder}/test/**/*.test.ts`];
    // A guard, not a speed assertion: several steps run whole nights or searches, which
    // take seconds on a loaded 2-core machine (Vitest's default of 5 s failed them there).
    const test = { root, include, environment: 'node' as const, testTimeout: 60_000 };
    return [
      { test: { ...test, name: exerciseProject(lesson) } },
      { plugins: [useSolutionSources(root, lesson)], test: { ...test, name: solutionProject(lesson) } },
    ];
  });
}

function useSolutionSources(root: string, lesson: Lesson): Plugin {
  const starter = resolve(root, lesson.folder, 'src');
  const solution = resolve(root, lesson.solution, 'src');
  return {
    name: 'outage-lab:solution-sources',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer.split('?')[0] ?? importer), source);
      if (!target.startsWith(starter + sep)) return null;
      return join(solution, relative(starter, target));
    },
  };
}
