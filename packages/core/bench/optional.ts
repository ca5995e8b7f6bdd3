import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

/** A benchmark whose code is not in the tree yet: its keys are reported as missing, with why. */
export class MissingBench extends Error {
  constructor(
    readonly keys: readonly string[],
    reason: string,
  ) {
    super(reason);
  }
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Imports a module someone else is still writing and returns the named export. A file
 * that is not there yet is a MissingBench (the table says so); a file that is there but
 * lacks the export is a real error.
 */
export async function importOptional(url: URL, exportName: string, keys: readonly string[], owner: string): Promise<unknown> {
  const path = relative(ROOT, fileURLToPath(url));
  if (!existsSync(url)) throw new MissingBench(keys, `${path} does not exist yet (${owner})`);
  const module = (await import(url.href)) as Record<string, unknown>;
  if (!(exportName in module)) throw new Error(`${path} does not export ${exportName}`);
  return module[exportName];
}
