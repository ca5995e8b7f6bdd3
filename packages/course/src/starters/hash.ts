import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BadInput } from '@outage-lab/cli';

/**
 * Each pristine copy has its SHA-256 recorded beside it (`<copy>.sha256`) when it is
 * made. `reset` restores a copy only when its bytes still match that hash: a copy that
 * was emptied or edited would otherwise overwrite the learner's file with the damage.
 */
export const hashPath = (copy: string): string => `${copy}.sha256`;

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function recordHash(copy: string, bytes: Uint8Array): void {
  writeFileSync(hashPath(copy), `${sha256(bytes)}\n`);
}

export const hasHash = (copy: string): boolean => existsSync(hashPath(copy));

/** The copy's bytes, checked against the hash recorded when it was made; a usage error otherwise. */
export function verifiedCopy(root: string, copy: string): Buffer {
  const shown = relative(root, copy);
  const fix = 'the committed starter is `git show HEAD:<lesson file>`; on a clean tree, `npm run starters -- --refresh` remakes the copies';
  if (!hasHash(copy)) throw new BadInput(`reset: the pristine copy ${shown} has no recorded hash, so it cannot be trusted and nothing was changed (${fix})`);
  const bytes = readFileSync(copy);
  const recorded = readFileSync(hashPath(copy), 'utf8').trim();
  if (sha256(bytes) !== recorded) {
    throw new BadInput(`reset: the pristine copy ${shown} is damaged (its bytes no longer match the hash recorded when it was made), so nothing was changed (${fix})`);
  }
  return bytes;
}
