import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Every .md file in the folder except its README, in name order (00-, 01-, …). */
export function listDecks(decksDir: string): string[] {
  return readdirSync(decksDir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => join(decksDir, f));
}

/** Picks decks by name; an unknown name is an error that lists the decks there are. */
export function selectDecks(decksDir: string, only: readonly string[] = []): string[] {
  const all = listDecks(decksDir);
  if (only.length === 0) return all;
  return only.map((wanted) => {
    const name = wanted.replace(/\.md$/, '');
    const match = all.find((p) => basename(p, '.md') === name);
    if (match === undefined) {
      throw new Error(`no deck named ${JSON.stringify(wanted)} in ${decksDir} (valid: ${all.map((p) => basename(p, '.md')).join(', ')})`);
    }
    return match;
  });
}
