import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest, REPO_ROOT } from '../src/manifest.ts';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen'];
const capital = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** The numbers of a lesson's steps as its test files title them (`it('step 3: …'`). */
function stepNumbers(folder: string): number[] {
  const dir = join(REPO_ROOT, folder, 'test');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bit(?:\.\w+)?\(\s*[`'"]step (\d+):/g)].map((m) => Number(m[1])));
}

describe("each lesson README's count of steps", () => {
  it('is the runner\'s: step 0 (the type check) and every step of the tests, as "N steps, 0 to M" and "All N steps green"', () => {
    for (const lesson of loadManifest().lessons) {
      const steps = stepNumbers(lesson.folder);
      const last = Math.max(...steps);
      expect([...steps].sort((a, b) => a - b), `${lesson.folder}/test: steps numbered 1 to ${last}, once each`).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      const count = WORDS[last + 1] ?? String(last + 1);
      const readme = readFileSync(join(REPO_ROOT, lesson.folder, 'README.md'), 'utf8').replace(/\s+/g, ' ');
      expect(readme, `${lesson.folder}/README.md: the runner shows steps 0 to ${last}`).toContain(`${capital(count)} steps, 0 to ${last}`);
      expect(readme, `${lesson.folder}/README.md: what done looks like`).toContain(`All ${count} steps green`);
    }
  });
});
