import { existsSync } from 'node:fs';
import { basename, join, relative, resolve, dirname, sep } from 'node:path';
import type { Plugin } from 'vite';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { loadManifest, REPO_ROOT, type Lesson } from './manifest.ts';
import { STARTERS_DIR } from './starters/pristine.ts';
import { STEP_BUDGET_MS } from './time-budgets.ts';
import { UI_RUN_ENV } from './failure-text.ts';
import { baseFile, wrongFixes, wrongFixFiles, type WrongFix } from './wrong-fixes.ts';

/** The Vitest project name of a lesson's starter (what learners run) and of its solution. */
export const exerciseProject = (lesson: Lesson): string => `${lesson.id} ${lesson.title}`;
export const solutionProject = (lesson: Lesson): string => `solution ${lesson.id}`;
/** The pristine starter, as `npm ci` copied it: what the instructors' check judges. */
export const pristineProject = (lesson: Lesson): string => `starter ${lesson.id}`;
export const wrongFixProject = (fix: WrongFix): string => `wrong ${fix.lesson.id} ${fix.name}`;

const SETUP = join(import.meta.dirname, 'lesson-setup.ts');
/** Step 0 as a Vitest test, for the Vitest UI only (`npm run ui` sets UI_RUN_ENV). */
const UI_TYPE_STEP = join(import.meta.dirname, 'ui-type-step.ts');

/**
 * Each lesson's tests, as one Vitest project per lesson so the Vitest UI shows each lesson
 * as a group. The solution, pristine-starter and wrong-fix projects run the very same test
 * files with the lesson's `src/` swapped for the solution's, the untouched starter's or a
 * known-wrong fix laid over the solution: no test code is ever copied, and the learner's
 * own files are never what the instructors' check judges.
 */
export function lessonProjects(root: string = REPO_ROOT, env: NodeJS.ProcessEnv = process.env): TestProjectInlineConfiguration[] {
  const budget = stepBudget(env);
  return loadManifest(root).lessons.flatMap((lesson) => {
    const test = {
      root,
      include: [`${lesson.folder}/test/**/*.test.ts`],
      environment: 'node' as const,
      setupFiles: [SETUP],
      // Threads, not child processes: a step looping forever cannot be stopped politely,
      // and a thread ends with the learner's command, where a child process would be
      // left spinning (step-watchdog.ts).
      pool: 'threads' as const,
      // Sized for a busy 2-core laptop (see time-budgets.ts); heavy steps pass their own.
      testTimeout: budget,
      hookTimeout: budget,
    };
    const starter = resolve(root, lesson.folder, 'src');
    const solution = resolve(root, lesson.solution, 'src');
    // The CLI runs step 0 beside Vitest; the UI shows only what Vitest runs, so there it is a test.
    const uiStep = env[UI_RUN_ENV] === '1' ? { include: [...test.include, relative(root, UI_TYPE_STEP)], provide: { outageLabLesson: lesson.id } } : {};
    return [
      { test: { ...test, ...uiStep, name: exerciseProject(lesson) } },
      { plugins: [redirectSources('solution', starter, [solution])], test: { ...test, name: solutionProject(lesson) } },
      { plugins: [redirectSources('pristine', starter, [pristineSources(root, lesson)])], test: { ...test, name: pristineProject(lesson) } },
      // Known-wrong fixes: the solution (or the pristine starter) with the fix's edits
      // applied as it is loaded. Only the steps up to the one that must catch it run: the
      // later ones cannot change the verdict.
      ...wrongFixes(lesson, root).map((fix) => ({
        plugins: [redirectSources('wrong-fix', starter, [fix.base === 'solution' ? solution : pristineSources(root, lesson)]), editedSources(root, fix)],
        test: { ...test, name: wrongFixProject(fix), testNamePattern: upToStep(Math.max(fix.redAt, ...fix.alsoRedAt)) },
      })),
    ];
  });
}

/**
 * The step budget, which an instructor with a room of very slow laptops can raise with
 * OUTAGE_LAB_STEP_BUDGET_MS (and the workshop's own tests lower, to meet a timeout fast).
 */
function stepBudget(env: NodeJS.ProcessEnv): number {
  const raw = env['OUTAGE_LAB_STEP_BUDGET_MS'];
  const ms = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(ms) && ms > 0 ? ms : STEP_BUDGET_MS;
}

/** Matches the titles `step 1:` … `step n:`. */
function upToStep(n: number): RegExp {
  return new RegExp(`\\bstep (${Array.from({ length: n }, (_, i) => i + 1).join('|')}):`);
}

/** Where `npm ci` keeps the lesson's untouched `src/` files. */
export const pristineSources = (root: string, lesson: Lesson): string => resolve(root, STARTERS_DIR, basename(lesson.folder), 'src');

/**
 * Resolves the tests' relative imports of the lesson's `src/` to the first of `to` that
 * has the file. A file none of them has (a helper no learner edits) is taken from the
 * lesson itself.
 */
function redirectSources(kind: string, from: string, to: readonly string[]): Plugin {
  return {
    name: `outage-lab:${kind}-sources`,
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !source.startsWith('.')) return null;
      const target = resolve(dirname(importer.split('?')[0] ?? importer), source);
      if (!target.startsWith(from + sep)) return null;
      const path = relative(from, target);
      return to.map((folder) => join(folder, path)).find((candidate) => existsSync(candidate)) ?? null;
    },
  };
}

/**
 * Serves a wrong fix's edited files in place of the files they edit, in this project only.
 * Edits that no longer apply fail the load, so the fix's tests cannot run on a file nobody
 * wrote (verify reports such a fix before it ever gets here).
 */
function editedSources(root: string, fix: WrongFix): Plugin {
  let files: Map<string, string> | null = null;
  return {
    name: 'outage-lab:wrong-fix-edits',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0] ?? id;
      const file = [...new Set(fix.edits.map((e) => e.file))].find((f) => resolve(baseFile(fix, root, f)) === resolve(path));
      if (file === undefined) return null;
      files ??= wrongFixFiles(fix, root);
      return files.get(file) ?? null;
    },
  };
}
