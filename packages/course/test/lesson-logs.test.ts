import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, REPO_ROOT } from '../src/manifest.ts';

/** Every print in a lesson's tests, with the start of what it prints. */
function prints(lessonFolder: string): { file: string; start: string }[] {
  const dir = join(REPO_ROOT, lessonFolder, 'test');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/console\.\w+\(\s*([`'"][^`'"]{0,12})/g)].map((m) => ({ file: `${lessonFolder}/test/${file}`, start: m[1] ?? '' })));
}

describe("what a lesson's tests print", () => {
  it('starts with "lesson NN: ", so the runner heads it as the lesson\'s measurement and not as the learner\'s console output', () => {
    const wrong = loadManifest().lessons.flatMap((lesson) => prints(lesson.folder).filter((p) => !p.start.slice(1).startsWith(`lesson ${lesson.id}: `)));
    expect(wrong.map((p) => `${p.file}: ${p.start}…`)).toEqual([]);
  });
});
