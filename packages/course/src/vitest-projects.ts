import { existsSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { loadManifest, REPO_ROOT, type Lesson } from './manifest.ts';
import { wrongFixes, type WrongFix } from './wrong-fixes.ts';

/** The Vitest project name of a lesson's starter (what learners run) and of its solution. */
export const exerciseProject = (lesson: Lesson): string => `${lesson.id} ${lesson.title}`;
export const solutionProject = (lesson: Lesson): string => `solution ${lesson.id}`;
export const wrongFixProject = (fix: WrongFix): string => `wrong ${fix.lesson.id} ${fix.name}`;

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
      // Known-wrong fixes: the solution with the wrong fix's files laid over it. Only the
      // steps up to the one that must catch it run: the later ones cannot change the verdict.
      ...wrongFixes(lesson, root).map((fix) => ({
        plugins: [useSolutionSources(root, lesson, fix.src)],
        test: { ...test, name: wrongFixProject(fix), testNamePattern: upToStep(fix.redAt) },
      })),
    ];
  });
}

/** Matches the titles `step 1:` … `step n:`. */
function upToStep(n: number): RegExp {
  return new RegExp(`\\bstep (${Array.from({ length: n }, (_, i) => i + 1).join('|')}):`);
}

function useSolutionSources(root: string, lesson: Lesson, over?: string): Plugin {
  const starter = resolve(root, lesson.folder, 'src');
  const solution = resolve(root, lesson.solution, 'src');
  const wrong = over === undefined ? null : resolve(root, over);
  return {
    name: 'outage-lab:solution-sources',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer.split('?')[0] ?? importer), source);
      if (!target.startsWith(starter + sep)) return null;
      const path = relative(starter, target);
      if (wrong !== null && existsSync(join(wrong, path))) return join(wrong, path);
      return join(solution, path);
    },
  };
}
