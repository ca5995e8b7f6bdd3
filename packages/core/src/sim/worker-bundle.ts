import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { ModelRecipe } from './parallel-protocol.ts';

/** A search worker's bundle on disk, and how to remove it once the workers have loaded it. */
export interface WorkerBundle {
  readonly url: URL;
  dispose(): void;
}

let made = 0;

/**
 * Bundles the search worker with the recipe's module and every module it imports at run
 * time (a learner's Enactor), so a worker starts from plain JavaScript: no tsx in the
 * worker, and each module is loaded once per worker. Building it takes tens of
 * milliseconds. The file goes to the system's temporary directory, under this process's
 * id, and `dispose` removes it.
 */
export async function bundleSearchWorker(recipe: ModelRecipe): Promise<WorkerBundle> {
  const modules = [recipe.module, ...(recipe.imports ?? [])];
  const here = (name: string): string => JSON.stringify(fileURLToPath(new URL(name, import.meta.url)));
  const entry = [
    `import { carryModule } from ${here('./carried-modules.ts')};`,
    `import { runSearchWorker } from ${here('./parallel-worker.ts')};`,
    ...modules.map((url, i) => `import * as carried${i} from ${JSON.stringify(fileURLToPath(url))};`),
    ...modules.map((url, i) => `carryModule(${JSON.stringify(url)}, carried${i});`),
    'await runSearchWorker();',
  ].join('\n');
  let code: Uint8Array;
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts', sourcefile: 'search-worker-entry.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error('esbuild wrote nothing');
    code = output.contents;
  } catch (error) {
    throw new Error(`the search worker could not be built: ${firstProblem(error)}`);
  }
  const path = join(tmpdir(), `outage-lab-search-${process.pid}-${made++}.mjs`);
  writeFileSync(path, code);
  return { url: pathToFileURL(path), dispose: () => rmSync(path, { force: true }) };
}

/** esbuild's first error as `file:line: text`, or the error's message. */
function firstProblem(error: unknown): string {
  const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
  const first = errors?.[0];
  if (first === undefined) return error instanceof Error ? error.message : String(error);
  return first.location == null ? first.text : `${first.location.file}:${first.location.line}: ${first.text}`;
}
