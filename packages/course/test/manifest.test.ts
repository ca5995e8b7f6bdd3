import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHints, loadHints } from '../src/hints.ts';
import { findLesson, loadManifest, ManifestError, MANIFEST_PATH, REPO_ROOT, validateManifest } from '../src/manifest.ts';

describe('the lesson manifest', () => {
  const manifest = loadManifest();

  it('lists lessons in order, each with its folders, files and at least three hints beside its solution', () => {
    expect(manifest.lessons.map((l) => l.id)).toEqual([...manifest.lessons.map((l) => l.id)].sort());
    for (const lesson of manifest.lessons) {
      expect(existsSync(join(REPO_ROOT, lesson.folder, 'README.md')), `${lesson.folder}/README.md`).toBe(true);
      expect(existsSync(join(REPO_ROOT, lesson.solution, 'NOTES.md')), `${lesson.solution}/NOTES.md`).toBe(true);
      for (const file of lesson.files) {
        expect(existsSync(join(REPO_ROOT, lesson.folder, file)), `${lesson.folder}/${file}`).toBe(true);
        expect(existsSync(join(REPO_ROOT, lesson.solution, file)), `${lesson.solution}/${file}`).toBe(true);
      }
      expect(loadHints(lesson).length, lesson.hints).toBeGreaterThanOrEqual(3);
    }
  });

  it('finds a lesson by number, id or slug', () => {
    const first = manifest.lessons[0];
    expect(findLesson(manifest, '1')?.id).toBe(first?.id);
    expect(findLesson(manifest, first?.slug ?? '')?.id).toBe(first?.id);
    expect(findLesson(manifest, '99')).toBeNull();
  });

  it('refuses a malformed manifest with a line naming the field', () => {
    expect(() => validateManifest({})).toThrow(ManifestError);
    expect(() => validateManifest({ lessons: [{ id: '1' }] })).toThrow(/lessons\[0\]\.id "1" must be two digits/);
    const lesson = { id: '01', slug: 's', title: 't', folder: 'f', solution: 's', files: ['a'], hints: ['x', 'y'], minutes: 5 };
    expect(() => validateManifest({ lessons: [lesson] })).toThrow(/hints must be a non-empty string/);
    expect(() => validateManifest({ lessons: [{ ...lesson, hints: 'exercises/HINTS.md' }] })).toThrow(/hints "exercises\/HINTS.md" must be a file in the lesson's solution folder/);
  });

  it('keeps no hint in exercises/, where learners browse: the manifest only names the file beside the solution', () => {
    const text = readFileSync(join(REPO_ROOT, MANIFEST_PATH), 'utf8');
    for (const lesson of manifest.lessons) for (const hint of loadHints(lesson)) expect(text).not.toContain(hint.slice(0, 60));
  });

  it('reads hints as numbered sections, and refuses a file out of order or too short with a line naming it', () => {
    const file = (n: number[]): string => `# Hints\n\nintro\n${n.map((i) => `\n## Hint ${i}\n\nText ${i}\nwrapped.\n`).join('')}`;
    expect(parseHints(file([1, 2, 3]), 'H.md')).toEqual(['Text 1 wrapped.', 'Text 2 wrapped.', 'Text 3 wrapped.']);
    expect(() => parseHints(file([1, 3, 2]), 'H.md')).toThrow(/H.md: "## Hint 3" must be "## Hint 2"/);
    expect(() => parseHints(file([1, 2]), 'H.md')).toThrow(/needs at least 3/);
    expect(() => parseHints('## Hint 1\n## Hint 2\nb\n## Hint 3\nc', 'H.md')).toThrow(/"## Hint 1" has no text/);
  });
});
