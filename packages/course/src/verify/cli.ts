/**
 * The instructor's check, and our main guarantee: every lesson's starter type-checks and
 * fails its tests by assertion, with a message from the incident (not a TypeError, not
 * "not implemented"); every solution passes every test; every known-wrong fix under
 * solutions/NN-slug/wrong/ fails, by assertion, at the step named for it. Writes .results/verify.json
 * so `npm test` can count it (each cell of the matrix and each solution test counts
 * once), and exits non-zero when any cell of the matrix is wrong.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { quietOnClosedPipe, reportError } from '@outage-lab/cli';
import { parseVerifyArgs, VERIFY_USAGE } from './args.ts';
import { loadManifest, REPO_ROOT } from '../manifest.ts';
import { runMatrix } from '../lesson-runner.ts';
import { solutionCells, starterCells, wrongFixCells, type Cell } from './matrix.ts';
import { wrongFixes } from '../wrong-fixes.ts';

function typecheck(project: string): string[] {
  const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: REPO_ROOT, encoding: 'utf8' });
  return result.status === 0 ? [] : result.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
}

async function main(): Promise<number> {
  const args = parseVerifyArgs(process.argv.slice(2));
  if (args.help) {
    console.log(VERIFY_USAGE);
    return 0;
  }
  const manifest = loadManifest();
  const typeErrors = [...typecheck('exercises'), ...typecheck('solutions')];
  const fixes = manifest.lessons.flatMap((lesson) => wrongFixes(lesson, REPO_ROOT));
  const { runs, wrong } = await runMatrix(manifest.lessons, ['exercise', 'solution'], fixes);
  const cells: Cell[] = [];
  let solutionTests = { passed: 0, failed: 0 };
  for (const lesson of manifest.lessons) {
    const starter = runs.find((r) => r.lesson.id === lesson.id && r.side === 'exercise');
    const solution = runs.find((r) => r.lesson.id === lesson.id && r.side === 'solution');
    if (starter === undefined || solution === undefined) continue;
    cells.push(...starterCells(lesson, starter, typeErrors), ...solutionCells(lesson, solution, typeErrors));
    cells.push(...wrongFixCells(lesson, wrong.filter((w) => w.fix.lesson.id === lesson.id), typeErrors));
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
    `${JSON.stringify({ numPassedTests: checks.passed + solutionTests.passed, numFailedTests: checks.failed + solutionTests.failed, checks, solutionTests, cells }, null, 2)}\n`,
  );
  console.log(`verify: ${checks.passed} of ${cells.length} red/green checks hold (${solutionTests.passed} solution tests pass)`);
  return bad.length === 0 ? 0 : 1;
}

quietOnClosedPipe();
main().then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(reportError('verify', error, (line) => console.error(line))),
);
