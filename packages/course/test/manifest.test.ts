import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLesson, loadManifest, ManifestError, REPO_ROOT, validateManifest } from '../src/manifest.ts';

describe('the lesson manifest', () => {
  const manifest = loadManifest();

  it('lists lessons in order, each with its folders, files and three hints', () => {
    expect(manifest.lessons.map((l) => l.id)).toEqual([...manifest.lessons.map((l) => l.id)].sort());
    for (const lesson of manifest.lessons) {
      expect(existsSync(join(REPO_ROOT, lesson.folder, 'README.md')), `${lesson.folder}/README.md`).toBe(true);
      expect(existsSync(join(REPO_ROOT, lesson.solution, 'NOTES.md')), `${lesson.solution}/NOTES.md`).toBe(true);
      for (const file of lesson.files) {
        expect(existsSync(join(REPO_ROOT, lesson.folder, file)), `${lesson.folder}/${file}`).toBe(true);
        expect(existsSync(join(REPO_ROOT, lesson.solution, file)), `${lesson.solution}/${file}`).toBe(true);
      }
      expect(lesson.hints.length).toBeGreaterThanOrEqual(3);
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
    expect(() => validateManifest({ lessons: [lesson] })).toThrow(/hints must be a list of at least 3/);
  });
});
