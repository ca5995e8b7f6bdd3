import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { collectLessonRun, progress } from '../src/lesson-runner.ts';
import type { Lesson } from '../src/manifest.ts';

const lesson: Lesson = { id: '01', slug: 'race', title: 'Reproduce the race', folder: 'exercises/01-race', solution: 'solutions/01-race', files: ['src/a.ts'], hints: 'solutions/01-race/HINTS.md', minutes: 5 };

/** Just the part of Vitest's TestModule the collector reads. */
function module(path: string, tests: [string, 'passed' | 'failed'][], project = '01 Reproduce the race'): TestModule {
  const fake = {
    moduleId: `/repo/exercises/01-race/test/${path}`,
    project: { name: project },
    errors: () => [],
    children: {
      allTests: () =>
        tests.map(([title, state]) => ({
          name: title,
          fullName: `Lesson 01 > ${title}`,
          result: () => ({ state, errors: state === 'failed' ? [{ name: 'AssertionError', message: `${title} failed` }] : [] }),
        })),
    },
  };
  return fake as unknown as TestModule;
}

describe("the lesson runner's reading of Vitest's results", () => {
  it('lists the steps in file order, whichever test file finished first', () => {
    const partB = module('part-b.test.ts', [['step 5', 'failed']]);
    const partA = module('part-a.test.ts', [['step 1', 'failed'], ['step 2', 'passed']]);
    const run = collectLessonRun(lesson, 'exercise', [partB, partA]);
    expect(run.tests.map((t) => t.title)).toEqual(['step 1', 'step 2', 'step 5']);
    expect(progress(run).nextFailing?.title, 'the next failing step is the lowest-numbered one').toBe('step 1');
  });

  it("keeps only the lesson's own project: the solution's run of the same files is another side", () => {
    const starter = module('part-a.test.ts', [['step 1', 'failed']]);
    const solution = module('part-a.test.ts', [['step 1', 'passed']], 'solution 01');
    expect(progress(collectLessonRun(lesson, 'exercise', [starter, solution]))).toMatchObject({ passed: 0, total: 1 });
    expect(progress(collectLessonRun(lesson, 'solution', [starter, solution]))).toMatchObject({ passed: 1, total: 1 });
  });
});
