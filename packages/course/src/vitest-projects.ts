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
    return [
      { test: { name: exerciseProject(lesson), root, include, environment: 'node' } },
      { plugins: [useSolutionSources(root, lesson)], test: { name: solutionProject(lesson), root, include, environment: 'node' } },
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
