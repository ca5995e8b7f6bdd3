/**
 * The instructor's check, and our main guarantee: every lesson's starter type-checks and
 * fails its tests by assertion, with a message from the incident (not a TypeError, not
 * "not implemented"); every solution passes every test. Writes .results/verify.json
 * so `npm test` can count it, and exits non-zero when any cell of the matrix is wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { loadManifest, REPO_ROOT, type Lesson } from '../packages/workshop/src/manifest.ts';
import { runLessons, type LessonRun } from '../packages/workshop/src/lesson-runner.ts';

interface Cell {
  readonly lesson: string;
  readonly check: string;
  readonly ok: boolean;
  readonly detail: string;
}

const NOT_DOMAIN = /not implemented|TypeError|is not a function|Cannot read propert|undefined is not|ReferenceError/i;

function typecheck(project: string): string[] {
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: REPO_ROOT, encoding: 'utf8' });
  return result.status === 0 ? [] : result.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
}

function starterCells(lesson: Lesson, run: LessonRun, typeErrors: readonly string[]): Cell[] {
  const mine = typeErrors.filter((e) => e.startsWith(lesson.folder));
  const failed = run.tests.filter((t) => t.state === 'failed');
  const notDomain = failed.filter((t) => t.errors.some((e) => e.name !== 'AssertionError' || NOT_DOMAIN.test(e.message) || e.message.trim() === ''));
  return [
    { lesson: lesson.id, check: 'starter type-checks', ok: mine.length === 0, detail: mine.slice(0, 3).join('\n') },
    {
      lesson: lesson.id,
      check: 'starter is red',
      ok: run.loadErrors.length === 0 && run.tests.length > 0 && failed.length > 0,
      detail: run.loadErrors.length > 0 ? run.loadErrors.join('\n') : failed.length === 0 ? `all ${run.tests.length} tests pass on the starter: the lesson teaches nothing` : '',
    },
    {
      lesson: lesson.id,
      check: 'red by assertion, in the domain',
      ok: failed.length > 0 && notDomain.length === 0,
      detail: notDomain.map((t) => `${t.name}: ${t.errors[0]?.name}: ${t.errors[0]?.message.split('\n')[0]}`).join('\n'),
    },
  ];
}

function solutionCells(lesson: Lesson, run: LessonRun, typeErrors: readonly string[]): Cell[] {
  const mine = typeErrors.filter((e) => e.startsWith(lesson.solution));
  const notPassing = run.tests.filter((t) => t.state !== 'passed');
  return [
    { lesson: lesson.id, check: 'solution type-checks', ok: mine.length === 0, detail: mine.slice(0, 3).join('\n') },
    {
      lesson: lesson.id,
      check: `solution passes every test (${run.tests.length - notPassing.length}/${run.tests.length})`,
      ok: run.loadErrors.length === 0 && run.tests.length > 0 && notPassing.length === 0,
      detail: [...run.loadErrors, ...notPassing.map((t) => `${t.name}: ${t.state} ${t.errors[0]?.message.split('\n')[0] ?? ''}`)].join('\n'),
    },
  ];
}

async function main(): Promise<number> {
  const manifest = loadManifest();
  const typeErrors = [...typecheck('exercises'), ...typecheck('solutions')];
  const runs = await runLessons(manifest.lessons, ['exercise', 'solution']);
  const cells: Cell[] = [];
  let solutionTests = { passed: 0, failed: 0 };
  for (const lesson of manifest.lessons) {
    const starter = runs.find((r) => r.lesson.id === lesson.id && r.side === 'exercise');
    const solution = runs.find((r) => r.lesson.id === lesson.id && r.side === 'solution');
    if (starter === undefined || solution === undefined) continue;
    cells.push(...starterCells(lesson, starter, typeErrors), ...solutionCells(lesson, solution, typeErrors));
    const passing = solution.tests.filter((t) => t.state === 'passed').length;
    solutionTests = { passed: solutionTests.passed + passing, failed: solutionTests.failed + solution.tests.length - passing };
  }
  for (const lesson of manifest.lessons) {
    console.log(pc.bold(`Lesson ${lesson.id} · ${lesson.title}`));
    for (const cell of cells.filter((c) => c.lesson === lesson.id)) {
      console.log(`  ${cell.ok ? pc.green('✓') : pc.red('✗')} ${cell.check}`);
      if (!cell.ok && cell.detail !== '') console.log(pc.dim(cell.detail.replace(/^/gm, '      ')));
    }
  }
  const bad = cells.filter((c) => !c.ok);
  const checks = { passed: cells.length - bad.length, failed: bad.length };
  mkdirSync(join(REPO_ROOT, '.results'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, '.results', 'verify.json'),
    `${JSON.stringify({ numPassedTests: checks.passed, numFailedTests: checks.failed, solutionTests, cells }, null, 2)}\n`,
  );
  console.log(`verify: ${checks.passed} of ${cells.length} red/green checks hold (${solutionTests.passed} solution tests pass)`);
  return bad.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
