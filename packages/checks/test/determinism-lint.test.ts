import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/root.ts';

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The rules a text breaks when it sits at `path` in the repository. */
async function broken(text: string, path = 'packages/core/src/dns/example.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(REPO_ROOT, path), warnIgnored: false });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}:${m.line}`);
}

describe('the determinism lint (eslint.config.js)', () => {
  it('finds no real time or randomness in the model code of this repository', async () => {
    const results = await eslint.lintFiles(['packages/core/src', 'exercises', 'solutions']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(REPO_ROOT.length + 1)}:${m.line}: ${m.message}`));
    expect(results.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
    // Type-aware lint of every model, exercise and solution file: over a minute on a busy
    // 2-core machine running the rest of npm test beside it.
  }, 240_000);

  it.each([
    ['Date.now()', 'export const started = Date.now();\n', 'no-restricted-globals:1'],
    ['new Date()', 'export const today = new Date();\n', 'no-restricted-globals:1'],
    ['Math.random()', 'export const coin = Math.random() < 0.5;\n', 'no-restricted-properties:1'],
    ['performance.now()', 'export const t = performance.now();\n', 'no-restricted-globals:1'],
    ['setTimeout', 'setTimeout(() => undefined, 10);\n', 'no-restricted-globals:1'],
    ['globalThis.setTimeout', 'globalThis.setTimeout(() => undefined, 10);\n', 'no-restricted-properties:1'],
    ['node:perf_hooks', "import { performance } from 'node:perf_hooks';\nexport const t = performance.now();\n", 'no-restricted-imports:1'],
  ])('fails on %s in model code', async (_name, text, rule) => {
    expect(await broken(text)).toContain(rule);
  });

  it('passes on the same words in comments and strings', async () => {
    const text = [
      '// Date.now() and Math.random() are never called here: the Rng is.',
      '/** Unlike setTimeout, the kernel runs events at simulated times; performance.now() is for the bench. */',
      "export const why = 'no new Date(), no Math.random()';",
      '',
    ].join('\n');
    expect(await broken(text)).toEqual([]);
  });

  it('applies to model code only: a CLI may read the clock', async () => {
    expect(await broken('export const started = Date.now();\n', 'packages/workshop/src/example.ts')).toEqual([]);
  });
});
