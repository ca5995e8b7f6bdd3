import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, loadManifest } from '../src/manifest.ts';
import { lessonFiles } from '../src/starters/pristine.ts';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

const SHIPPED = new Map(loadManifest().lessons.flatMap((lesson) => lessonFiles(REPO_ROOT, lesson).map((f) => [f.path, f] as const)));

/**
 * A file under exercises/ as it ships. The files a learner edits are read from their
 * pristine copies (made at install), not from the working tree: these tests are about
 * the starters, and must pass on a learner's tree, whatever it holds, solved or half done.
 */
function shipped(path: string): string {
  const file = SHIPPED.get(path);
  if (file === undefined) return read(path);
  if (file.starter === null) throw new Error(`${path} has no pristine copy (${FROM_COPIES})`);
  return file.starter;
}

/** Said with every failure here: a stale pristine copy fails these tests as a wrong starter would. */
const FROM_COPIES = 'starters are read from their pristine copies (.outage-lab/starters); after changing one, refresh them on a clean tree: npm run starters -- --refresh';

/** The class and everything after it, with every `// TODO(lesson NN)` comment block removed. */
function classWithoutTodos(source: string): string {
  const start = source.indexOf('export class DnsEnactor');
  const lines = source.slice(start).split('\n');
  const kept: string[] = [];
  let inTodo = false;
  for (const line of lines) {
    const comment = /^\s*\/\//.test(line);
    if (/^\s*\/\/ TODO\(lesson \d\d\)/.test(line)) inTodo = true;
    else if (!comment) inTodo = false;
    if (!inTodo) kept.push(line);
  }
  return kept.join('\n');
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(REPO_ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every TODO comment block of a file, joined into one line each. */
function todoBlocks(source: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of source.split('\n')) {
    const text = /^\s*\/\/\s?(.*)$/.exec(line)?.[1];
    if (text !== undefined && text.startsWith('TODO(')) {
      current = [text];
      blocks.push('');
    } else if (text !== undefined && current !== null && text !== '') current.push(text);
    else current = null;
    if (current !== null) blocks[blocks.length - 1] = current.join(' ');
  }
  return blocks;
}

/** Things that read as code rather than as a question: calls, arrows, comparisons, member access, literals. */
const CODE = [/\w\(.*\)/, /=>/, /[=!]==?/, /[<>]=?\s*\w/, /\w\.\w+/, /\{\s*\w+:/, /`/, /\[\w*\]/, /\bMath\b/, /\breturn\b/];

describe('lesson sources', () => {
  it("lesson 02's starter is the faithful Enactor of packages/core, apart from its TODO comments", () => {
    const starter = classWithoutTodos(shipped('exercises/02-generation-checks/src/enactor.ts'));
    const faithful = classWithoutTodos(read('packages/core/src/dns/enactor.ts'));
    expect(starter, `the starter must behave exactly as the Enactor of 19 October; update it with packages/core/src/dns/enactor.ts (${FROM_COPIES})`).toBe(faithful);
  });

  it('no TODO comment in exercises/ holds a code expression of its fix', () => {
    const found = filesUnder('exercises')
      .filter((f) => f.endsWith('.ts') && f.includes('/src/'))
      .flatMap((file) => todoBlocks(shipped(file)).map((todo) => ({ file: relative('.', file), todo })))
      .filter(({ todo }) => todo !== '');
    expect(found.length, 'the starters have TODOs').toBeGreaterThan(0);
    const telling = found.filter(({ todo }) => CODE.some((pattern) => pattern.test(todo.replace(/^TODO\(lesson \d\d\):/, ''))));
    expect(telling.map(({ file, todo }) => `${file}: ${todo}`), `a TODO says what must hold and why; the how belongs in the hints (${FROM_COPIES})`).toEqual([]);
  });

  it("each lesson README's estimated time is the manifest's, and its Stuck? section offers the hints and the diff", () => {
    for (const lesson of loadManifest().lessons) {
      const readme = read(`${lesson.folder}/README.md`);
      expect(/Estimated time: (\d+) minutes/.exec(readme)?.[1], `${lesson.folder}/README.md: the estimate the dashboard shows comes from the manifest`).toBe(String(lesson.minutes));
      const stuck = readme.slice(readme.indexOf('## Stuck?'));
      expect(stuck, `${lesson.folder}/README.md`).toContain(`npm run hint -- ${lesson.id}`);
      expect(stuck, `${lesson.folder}/README.md`).toContain(`npm run diff -- ${lesson.id}`);
    }
  });
});
