import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { reportError } from '@outage-lab/cli';
import { parseReplay } from '@outage-lab/core';
import { replayPlan } from '@outage-lab/course/explore';
import { parseFrontMatter } from '@outage-lab/slides';
import type { Context } from '../../src/context.ts';
import { REPO_ROOT } from '@outage-lab/course';
import { removeRepo, tempRepo } from '../support/temp-repo.ts';
import { argvFor, PATH_TRICKS, PROTOTYPE_NAMES, REPLAY_STRINGS } from './arbitraries.ts';
import { rootScripts, SWEPT_COMMANDS, TOOL_SCRIPTS } from './commands.ts';

/**
 * A stack trace, or any one line of one: a frame (`    at f (file.ts:1:2)`), node's
 * internals, or an uncaught error's header (`TypeError: …`). It matches a single line too,
 * so a one-line error that is a stack's first or second line is caught.
 */
export const STACK = /^\s+at |\bat \S+ \(\S+:\d+:\d+\)|node:internal\/|^\w*Error: /m;

/** How much of the input space one sweep covers: the fast suite's few runs on a fixed seed, or the long suite's many. */
export interface SweepSize {
  readonly runs: number;
  readonly seed: number;
  /** Each command's budget: generous for the long sweep, a guard against a hang for the fast one. */
  readonly budgetMs: number;
}

/** Every file under a folder, as relative paths (the temporary repository's node_modules is a link, not followed). */
function files(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.isSymbolicLink()) return files(root, path);
    return [relative(root, path)];
  });
}

/** The outcome of one command line through the one error path: exit code and stderr. */
function outcome(read: () => unknown, name: string): { code: number; err: string[]; help: string | null } {
  const err: string[] = [];
  try {
    const answer = read();
    return { code: 0, err, help: typeof answer === 'string' ? answer : null };
  } catch (error) {
    return { code: reportError(name, error, (line) => void err.push(line), {}), err, help: null };
  }
}

/** The generated sweep, in whichever size the calling test file asks for. */
export function sweepEveryCommand({ runs, seed, budgetMs }: SweepSize): void {
  describe(`every command against generated hostile command lines (${runs} runs each, seed ${seed})`, () => {
    const root = tempRepo();
    afterAll(() => removeRepo(root));
    const ctx: Pick<Context, 'root' | 'env'> = { root, env: {} };
    const before = { repo: files(root), real: readdirSync(REPO_ROOT).sort(), paths: new Map(PATH_TRICKS.map((p) => [p, existsSync(resolve(p))])) };

    it('sweeps every script of the root package.json, but the tools that read their own flags', () => {
      const scripts = Object.keys(rootScripts());
      expect(SWEPT_COMMANDS.map((c) => c.name).sort()).toEqual(scripts.filter((s) => !Object.hasOwn(TOOL_SCRIPTS, s)).sort());
      expect(Object.keys(TOOL_SCRIPTS).filter((s) => !scripts.includes(s)), 'a tool script that is gone').toEqual([]);
    });

    it.each(SWEPT_COMMANDS.map((c) => [c.name, c] as const))(`%s: ${runs} command lines, each exit 0 or one line and exit 2, no stack, nothing written`, (name, command) => {
      const lines = new Set<string>();
      const codes = new Set<number>();
      fc.assert(
        fc.property(argvFor(command.words), (argv) => {
          lines.add(JSON.stringify(argv));
          const result = outcome(() => command.read(argv, ctx), name);
          codes.add(result.code);
          // A parser that fails inside itself (exit 1) is the bug this sweep is for.
          expect([0, 2], `${JSON.stringify(argv)} → ${result.err.join(' | ')}`).toContain(result.code);
          if (result.code === 2) {
            expect(result.err, JSON.stringify(argv)).toHaveLength(1);
            expect(result.err[0]).not.toMatch(STACK);
            // One line that names its command first: `lesson: …`, `class join: …`.
            expect(result.err[0]).toMatch(/^[\w:-]+(?: [\w-]+)?: \S/);
          }
          if (result.help !== null) expect(result.help, JSON.stringify(argv)).toMatch(/^usage: /);
        }),
        { numRuns: runs, seed },
      );
      // A sweep whose lines are mostly the same, or that never gets a line past the parser
      // (or never a wrong one), has not tested the command.
      expect(lines.size, 'distinct command lines').toBeGreaterThanOrEqual(runs / 2);
      expect([...codes].sort(), 'both kinds of line were generated: ones the command runs and ones it refuses').toEqual([0, 2]);
      expect(files(root), 'nothing written in the temporary repository').toEqual(before.repo);
      expect(PATH_TRICKS.filter((p) => existsSync(resolve(p)) !== before.paths.get(p)), 'no path named on a command line was created').toEqual([]);
      expect(readdirSync(REPO_ROOT).sort(), 'nothing written in the repository').toEqual(before.real);
    }, budgetMs);

    it(`replay strings: ${runs} generated strings are replayable or one line, exit 2`, () => {
      const pieces = fc.oneof(fc.constantFrom('smallScope', 'october2025', ...PROTOTYPE_NAMES, '@', '#', ':', '.', '/', 'timed', 'replay', 'P', 'a1', 'O', '0', '99999999999999999999999', 'regional-endpoint-resolves', ','), fc.string({ maxLength: 6 }));
      const text = fc.oneof(fc.constantFrom(...REPLAY_STRINGS), fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 40 }));
      fc.assert(
        fc.property(text, (t) => {
          const result = outcome(() => replayPlan(t), 'explore');
          expect([0, 2], `${JSON.stringify(t)} → ${result.err.join(' | ')}`).toContain(result.code);
          if (result.code === 2) expect(result.err[0]).not.toMatch(STACK);
          // Whatever parses prints back to the same run.
          if (result.code === 0) expect(parseReplay(t.trim())).toEqual(parseReplay(t));
        }),
        { numRuns: runs, seed },
      );
    }, budgetMs);

    it(`deck front matter: ${runs} generated headers give values or one-line problems, never a throw`, () => {
      const line = fc.oneof(
        fc.constantFrom('title: x', 'seed: 7', 'seed: -1', 'seed: 1e20', 'seed: 99999999999999999999999', '__proto__: x', 'constructor: y', 'title: "unclosed', "footer: 'ok'", '# comment', ''),
        fc.tuple(fc.constantFrom(...PROTOTYPE_NAMES, 'title', 'seed', 'x'), fc.string({ maxLength: 10 })).map(([k, v]) => `${k}: ${v}`),
        fc.string({ unit: 'binary', maxLength: 20 }),
      );
      fc.assert(
        fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
          const { values, problems } = parseFrontMatter(lines);
          for (const p of problems) expect(p.problem).not.toContain('\n');
          expect(Object.getPrototypeOf(values), 'no key reached the prototype').toBe(Object.prototype);
          if (values.seed !== undefined) expect(Number.isSafeInteger(values.seed)).toBe(true);
        }),
        { numRuns: runs, seed },
      );
    }, budgetMs);
  });
}
