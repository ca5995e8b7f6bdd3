import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyEdits } from '../src/edits.ts';
import { loadManifest, REPO_ROOT, type Lesson } from '../src/manifest.ts';
import { formatTypeProblem, typecheckProject } from '../src/typecheck.ts';
import { editWrongFixes, wrongFixes, wrongFixFiles, wrongFixTree } from '../src/wrong-fixes.ts';

const file = 'src/a.ts';
const source = ['const a = 1;', 'const b = a + 1;', 'export { a, b };', ''].join('\n');

describe('applying edits', () => {
  it('replaces each snippet, all located in the original', () => {
    const edits = [
      { file, replace: 'const b = a + 1;', with: 'const b = a + 2;' },
      { file, replace: 'const a = 1;\n', with: '' },
    ];
    expect(applyEdits(source, edits)).toBe('const b = a + 2;\nexport { a, b };\n');
  });

  it('refuses a snippet the file does not hold, names the edit, and says why', () => {
    expect(() => applyEdits(source, [{ file, replace: 'const c = 3;', with: '' }])).toThrow(/src\/a\.ts, edit 1: the snippet "const c = 3;" is not in the file/);
  });

  it('refuses a snippet found more than once, overlapping occurrences included', () => {
    expect(() => applyEdits(source, [{ file, replace: 'const', with: 'let' }])).toThrow(/occurs more than once/);
    expect(() => applyEdits('aaa', [{ file, replace: 'aa', with: 'b' }])).toThrow(/occurs more than once/);
  });

  it('refuses an empty snippet and edits that overlap', () => {
    expect(() => applyEdits(source, [{ file, replace: '', with: 'x' }])).toThrow(/"replace" is empty/);
    const overlap = [
      { file, replace: 'const b = a', with: 'x' },
      { file, replace: 'a + 1;', with: 'y' },
    ];
    expect(() => applyEdits(source, overlap)).toThrow(/overlaps/);
  });
});

function put(root: string, path: string, content: unknown): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('reading wrong fixes', () => {
  let root = '';
  const lesson: Lesson = { id: '09', slug: 'demo', title: 'Demo', folder: 'exercises/09-demo', solution: 'solutions/09-demo', files: [file], hints: 'solutions/09-demo/HINTS.md', minutes: 5 };
  const setUp = (spec: unknown): void => {
    root = mkdtempSync(join(tmpdir(), 'wrong-fixes-'));
    put(root, `solutions/09-demo/${file}`, source);
    put(root, 'solutions/09-demo/wrong/off-by-one.json', spec);
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads a fix and edits the solution, with lines for a snippet of several', () => {
    setUp({ redAt: 2, mistake: 'b is one too big', edits: [{ file, replace: ['const a = 1;', 'const b = a + 1;'], with: 'const a = 1;\nconst b = a + 2;' }] });
    const [fix] = wrongFixes(lesson, root);
    expect(fix).toMatchObject({ name: 'off-by-one', redAt: 2, base: 'solution', src: 'solutions/09-demo~off-by-one/src' });
    expect(fix === undefined ? null : wrongFixFiles(fix, root).get(file)).toBe('const a = 1;\nconst b = a + 2;\nexport { a, b };\n');
  });

  it('refuses, naming the fix, when the solution moved on from a snippet', () => {
    setUp({ redAt: 2, mistake: 'b is one too big', edits: [{ file, replace: 'const b = a + 3;', with: '' }] });
    const [fix] = wrongFixes(lesson, root);
    expect(() => fix !== undefined && wrongFixFiles(fix, root)).toThrow(/wrong\/off-by-one\.json: src\/a\.ts, edit 1: the snippet "const b = a \+ 3;" is not in the file/);
  });

  it('refuses a malformed fix, and a folder where a fix file belongs', () => {
    setUp({ redAt: 2, mistake: 'x', edits: [{ file: '../a.ts', replace: 'a', with: 'b' }] });
    expect(() => wrongFixes(lesson, root)).toThrow(/"file" must be a lesson file/);
    put(root, 'solutions/09-demo/wrong/off-by-one.json', ({ redAt: 0, mistake: 'x', edits: [] }));
    expect(() => wrongFixes(lesson, root)).toThrow(/"redAt" must be the step number/);
    put(root, 'solutions/09-demo/wrong/off-by-one.json', ({ redAt: 2, mistake: 'x', edits: [] }));
    expect(() => wrongFixes(lesson, root)).toThrow(/"edits" must list at least one edit/);
    put(root, 'solutions/09-demo/wrong/off-by-one.json', ({ redAt: 2, mistake: 'x', edits: [{ file, replace: 'a' }] }));
    expect(() => wrongFixes(lesson, root)).toThrow(/needs "replace" \(an exact snippet\) and "with"/);
    put(root, 'solutions/09-demo/wrong/old-style/expect.json', '{}');
    expect(() => wrongFixes(lesson, root)).toThrow(/wrong\/old-style: a wrong fix is one <name>\.json file/);
  });
});

describe('type-checking a wrong fix from memory', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const lesson: Lesson = { id: '09', slug: 'demo', title: 'Demo', folder: 'exercises/09-demo', solution: 'solutions/09-demo', files: [file], hints: 'solutions/09-demo/HINTS.md', minutes: 5 };

  function check(replacement: string): string[] {
    root = mkdtempSync(join(tmpdir(), 'wrong-fix-types-'));
    const options = { strict: true, noEmit: true, allowImportingTsExtensions: true, module: 'ESNext', moduleResolution: 'Bundler', types: [], lib: ['ES2022'], skipLibCheck: true };
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['solutions/*/src/**/*.ts'] }));
    mkdirSync(join(root, 'solutions/09-demo/src'), { recursive: true });
    writeFileSync(join(root, 'solutions/09-demo/src/b.ts'), 'export const b: number = 1;\n');
    writeFileSync(join(root, 'solutions/09-demo', file), "import { b } from './b.ts';\nexport const a: number = b;\n");
    put(root, 'solutions/09-demo/wrong/typed.json', { redAt: 1, mistake: 'x', edits: [{ file, replace: 'export const a: number = b;', with: replacement }] });
    const [fix] = wrongFixes(lesson, root);
    if (fix === undefined) throw new Error('the fix was not read');
    return typecheckProject(root, 'tsconfig.json', new Map(), wrongFixTree(fix, root, wrongFixFiles(fix, root))).map(formatTypeProblem);
  }

  it("resolves the edited file's imports of the files it leaves alone", () => {
    expect(check('export const a: number = b + 1;')).toEqual([]);
  });

  it('reports a type error in the edited file under the fix\'s own folder', () => {
    expect(check("export const a: string = b;")).toEqual([expect.stringMatching(/^solutions\/09-demo~typed\/src\/a\.ts:2: TS2322/)]);
  });
});

describe("the course's wrong fixes", () => {
  const lessons = loadManifest().lessons;

  it('every lesson keeps at least four known-wrong fixes: a lesson is worth only what its tests refuse', () => {
    const short = lessons.filter((lesson) => wrongFixes(lesson, REPO_ROOT).length < 4).map((lesson) => lesson.solution);
    expect(short, 'add mistakes a learner makes as <solution>/wrong/<name>.json').toEqual([]);
  });

  it('every edit still applies to the solution (or starter) it was written against', () => {
    const { refused } = editWrongFixes(lessons.flatMap((lesson) => wrongFixes(lesson, REPO_ROOT)), REPO_ROOT);
    expect(refused.map((r) => r.reason)).toEqual([]);
  });

  it("each lesson's solution notes list its wrong fixes, each with the step that catches it", () => {
    for (const lesson of lessons) {
      const notes = readFileSync(join(REPO_ROOT, lesson.solution, 'NOTES.md'), 'utf8');
      // One list item per fix: from its "- " to the next item or the end of the list.
      const items = notes.split(/\n(?=- )/);
      for (const fix of wrongFixes(lesson, REPO_ROOT)) {
        const item = items.find((i) => i.includes(`\`${fix.name}\``));
        expect(item, `${lesson.solution}/NOTES.md does not list the wrong fix \`${fix.name}\``).toBeDefined();
        for (const step of [fix.redAt, ...fix.alsoRedAt]) {
          expect(item, `${lesson.solution}/NOTES.md: \`${fix.name}\` is red at step ${step}`).toMatch(new RegExp(`\\bstep ${step}\\b`));
        }
      }
    }
  });
});
