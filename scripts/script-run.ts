/**
 * What `npm test` and `npm run test:long` share: reading their flags before anything runs
 * (a mistyped flag is one line and exit 2, never a long run), and adding up Vitest's JSON
 * results into the line CI reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { helpText, quietOnClosedPipe, reportError, type CommandTable } from '@outage-lab/cli';

interface Counts {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
  readonly numPendingTests?: number;
  readonly numTodoTests?: number;
}

/** The script's flags, or its exit: 2 for bad input, 0 after printing the usage for --help. */
export function scriptArgs<T extends { readonly help: boolean }>(table: CommandTable, parse: (argv: readonly string[]) => T): T {
  quietOnClosedPipe();
  let args: T;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    process.exit(reportError(table.name, error, (line) => console.error(line)));
  }
  if (args.help) {
    console.log(helpText(table));
    process.exit(0);
  }
  return args;
}

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** Result files a run should have written and did not: a task that failed before its tests. */
  readonly missing: string[];
}

/** Adds up the results each file holds. */
export function tally(files: readonly string[]): Tally {
  const total: Tally = { passed: 0, failed: 0, skipped: 0, missing: [] };
  for (const file of files) {
    if (!existsSync(file)) {
      total.missing.push(file);
      continue;
    }
    const counts = JSON.parse(readFileSync(file, 'utf8')) as Counts;
    total.passed += counts.numPassedTests ?? 0;
    total.failed += counts.numFailedTests ?? 0;
    total.skipped += (counts.numPendingTests ?? 0) + (counts.numTodoTests ?? 0);
  }
  return total;
}

/** The closing line: `N passed, N failed[, N skipped]`. */
export const countLine = ({ passed, failed, skipped }: Tally): string => `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
