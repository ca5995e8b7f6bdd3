import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES, checkImportGraph, formatViolation, importsOf, packageName, type RuleName } from '../src/import-graph.ts';
import { REPO_ROOT } from '../src/root.ts';

describe('the import graph of this repository', () => {
  it('keeps every rule of the house', () => {
    expect(checkImportGraph(REPO_ROOT).map(formatViolation)).toEqual([]);
  });
});

/** A small repository in a temporary folder: package folders with their package.json, and files. */
function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'outage-lab-graph-'));
  const packages: Record<string, Record<string, string>> = {
    core: { 'pure-rand': '*' },
    browser: { 'playwright-core': '*' },
    slides: { '@outage-lab/browser': '*', 'markdown-it': '*' },
    course: { '@outage-lab/core': '*', '@outage-lab/slides': '*' },
    workshop: { '@outage-lab/course': '*' },
  };
  for (const [folder, dependencies] of Object.entries(packages)) {
    mkdirSync(join(root, 'packages', folder), { recursive: true });
    writeFileSync(join(root, 'packages', folder, 'package.json'), JSON.stringify({ name: `@outage-lab/${folder}`, dependencies }));
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the import graph check', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
  const rulesBroken = (files: Record<string, string>): RuleName[] => {
    const root = repo(files);
    roots.push(root);
    return checkImportGraph(root).map((v) => v.rule);
  };

  it('passes a house that keeps the rules', () => {
    expect(
      rulesBroken({
        'packages/core/src/index.ts': "import prand from 'pure-rand';\nimport { x } from './x.ts';\nimport { readFileSync } from 'node:fs';\nimport { join } from 'path';\n",
        'packages/course/src/solutions.ts': "import { fixes } from '../../../solutions/05/src/fixes.ts';\nimport { run } from '@outage-lab/core';\n",
        'packages/slides/src/pdf.ts': "import { launchChromium } from '@outage-lab/browser';\nimport markdownIt from 'markdown-it';\n",
        'packages/workshop/src/cli.ts': "import { loadManifest } from '@outage-lab/course';\nimport { thing } from '@outage-lab/workshop/sub';\n",
      }),
    ).toEqual([]);
  });

  it('catches a package other than course importing solutions/, and course doing it outside its registry', () => {
    expect(rulesBroken({ 'packages/workshop/src/replay.ts': "import { fixes } from '../../../solutions/05/src/fixes.ts';\n" })).toEqual(['solutions']);
    expect(rulesBroken({ 'packages/course/src/replay/cli.ts': "import { fixes } from '../../../../solutions/05/src/fixes.ts';\n" })).toEqual(['solutions']);
    expect(rulesBroken({ 'packages/core/bench/fixed.ts': "const s = await import('../../../solutions/02/src/enactor.ts');\n" })).toEqual(['solutions']);
  });

  it('catches slides importing workshop or course', () => {
    expect(rulesBroken({ 'packages/slides/src/build.ts': "import { replayDiagrams } from '@outage-lab/course/decks';\n" })).toEqual(['slides', 'declared']);
    expect(rulesBroken({ 'packages/slides/src/build.ts': "export { main } from '@outage-lab/workshop';\n" })).toEqual(['slides', 'declared']);
  });

  it('catches core importing another package of this repository, by name or by path', () => {
    expect(rulesBroken({ 'packages/core/src/tooling.ts': "import type { Browser } from '@outage-lab/browser';\n" })).toEqual(['core', 'declared']);
    expect(rulesBroken({ 'packages/core/src/cli.ts': "import { x } from '../../slides/src/x.ts';\n" })).toEqual(['relative', 'core']);
  });

  it('catches a circle of imports, type-only ones included, and draws it', () => {
    const files = {
      'packages/workshop/src/cli.ts': "import { serve } from './serve.ts';\n",
      'packages/workshop/src/serve.ts': "import { board } from './board.ts';\n",
      'packages/workshop/src/board.ts': "import type { Context } from './cli.ts';\n",
    };
    expect(rulesBroken(files)).toEqual(['circles']);
    const root = repo(files);
    roots.push(root);
    expect(checkImportGraph(root).map(formatViolation)).toEqual([
      `packages/workshop/src/board.ts → packages/workshop/src/cli.ts → packages/workshop/src/serve.ts → packages/workshop/src/board.ts: ${RULES.circles}`,
    ]);
    expect(rulesBroken({ 'packages/workshop/src/self.ts': "export { x } from './self.ts';\n" })).toEqual(['circles']);
    expect(rulesBroken({ ...files, 'packages/workshop/src/board.ts': "import type { Context } from './context.ts';\n", 'packages/workshop/src/context.ts': '' })).toEqual([]);
  });

  it('catches a relative import that leaves its package', () => {
    expect(rulesBroken({ 'packages/workshop/src/verify.ts': "import { loadManifest } from '../../course/src/manifest.ts';\n" })).toEqual(['relative']);
  });

  it('catches a bare import that its package.json does not declare, type-only or dynamic', () => {
    expect(rulesBroken({ 'packages/workshop/src/watch.ts': "import type { Plugin } from 'vite';\n" })).toEqual(['declared']);
    expect(rulesBroken({ 'packages/core/src/chromium.ts': "const { chromium } = await import('playwright-core');\n" })).toEqual(['declared']);
    expect(rulesBroken({ 'packages/workshop/test/ui.test.ts': "import { describe } from 'vitest';\n" })).toEqual(['declared']);
  });

  it('catches a starter importing its solution', () => {
    expect(rulesBroken({ 'exercises/02/src/enactor.ts': "import { DnsEnactor } from '../../../solutions/02/src/enactor.ts';\n" })).toEqual(['exercises']);
  });

  it('reads code, not comments or strings', () => {
    expect(importsOf("// import x from '../../../solutions/a.ts'\nconst s = \"import y from 'vite'\";\nimport z from 'vitest';\n")).toEqual(['vitest']);
    expect(packageName('@outage-lab/core/dns/enactor-kit')).toBe('@outage-lab/core');
    expect(packageName('highlight.js/lib/core')).toBe('highlight.js');
  });
});
