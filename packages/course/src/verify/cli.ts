/**
 * The instructor's check, and our main guarantee: every lesson's starter type-checks and
 * fails its tests by assertion, with a message from the incident (not a TypeError, not
 * "not implemented"); every solution passes every test; every known-wrong fix under
 * solutions/NN-slug/wrong/ fails, by assertion, at the step named for it. It judges the
 * pristine starters (the copies `npm ci` made, or git's committed version), never the
 * learner's working files, so it holds on every tree a learner can have: fresh, half
 * done, all solved. Writes .results/verify.json so `npm test` can count it (each cell of
 * the matrix and each solution test counts once), and exits non-zero when any cell of
 * the matrix is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { helpText, invokedDirectly, quietOnClosedPipe, reportError, tableEntry, type Entry } from '@outage-lab/cli';
import { parseVerifyArgs, VERIFY } from './args.ts';
import { loadManifest, REPO_ROOT } from '../manifest.ts';
import { runMatrix } from '../lesson-runner.ts';
import { formatTypeProblem, typecheckProject } from '../typecheck.ts';
import { selectStarters } from './selection.ts';
import { solutionCells, starterCells, storyCell, wrongFixCells, type Cell } from './matrix.ts';
import { editWrongFixes, wrongFixes, wrongFixTree, type WrongFix } from '../wrong-fixes.ts';

/** The starters' type errors, read from the pristine copies in place of the working files. */
function starterTypeErrors(substitutes: ReadonlyMap<string, string>): string[] {
  return typecheckProject(REPO_ROOT, 'exercises/tsconfig.json', substitutes).map(formatTypeProblem);
}

async function main(): Promise<number> {
  const args = parseVerifyArgs(process.argv.slice(2));
  if (args.help) {
    console.log(helpText(VERIFY));
    return 0;
  }
  const manifest = loadManifest();
  const { substitutes, note } = selectStarters(REPO_ROOT, manifest);
  if (note !== null) console.log(pc.dim(note));
  const { applied, refused } = editWrongFixes(manifest.lessons.flatMap((lesson) => wrongFixes(lesson, REPO_ROOT)), REPO_ROOT);
  // The fixes are type-checked with the solutions, in one program, from memory.
  const fixTrees = new Map(applied.flatMap(({ fix, files }) => [...wrongFixTree(fix, REPO_ROOT, files)]));
  const typeErrors = [...starterTypeErrors(substitutes), ...typecheckProject(REPO_ROOT, 'solutions/tsconfig.json', new Map(), fixTrees).map(formatTypeProblem)];
  const { runs, wrong } = await runMatrix(manifest.lessons, ['pristine', 'solution'], applied.map(({ fix }) => fix));
  const cells: Cell[] = [];
  let solutionTests = { passed: 0, failed: 0 };
  for (const lesson of manifest.lessons) {
    const starter = runs.find((r) => r.lesson.id === lesson.id && r.side === 'pristine');
    const solution = runs.find((r) => r.lesson.id === lesson.id && r.side === 'solution');
    if (starter === undefined || solution === undefined) continue;
    cells.push(...starterCells(lesson, starter, typeErrors), ...solutionCells(lesson, solution, typeErrors));
    const mine = <T extends { readonly fix: WrongFix }>(list: readonly T[]): T[] => list.filter((w) => w.fix.lesson.id === lesson.id);
    cells.push(...wrongFixCells(lesson, mine(wrong), typeErrors, mine(refused)), storyCell(lesson, starter, mine(wrong)));
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

export const entry: Entry = tableEntry(VERIFY, parseVerifyArgs);

if (invokedDirectly(import.meta.url)) {
  quietOnClosedPipe();
  main().then(
    (code) => process.exit(code),
    (error: unknown) => process.exit(reportError('verify', error, (line) => console.error(line))),
  );
}
