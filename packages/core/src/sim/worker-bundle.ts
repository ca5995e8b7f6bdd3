import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** A worker's bundle on disk, and how to remove it once the threads have loaded it. */
export interface WorkerBundle {
  readonly url: URL;
  dispose(): void;
}

let made = 0;

/** What a worker thread runs: a module, the export it calls, and modules that export imports at run time. */
export interface WorkerEntry {
  /** URL (file://…) of the module. */
  readonly module: string;
  /** The export the worker calls, with no arguments, once the bundle has loaded. */
  readonly export: string;
  /** URLs of modules the export imports by URL at run time (a learner's Enactor): the bundle carries them. */
  readonly carry?: readonly string[];
}

/**
 * Bundles a worker's module with everything it imports, and the modules it imports at run
 * time, so a worker thread starts from plain JavaScript: no TypeScript loader in the
 * thread, and each module is loaded once per thread. Building it takes tens of
 * milliseconds. The file goes to the system's temporary directory, under this process's
 * id, and `dispose` removes it.
 */
export async function bundleWorker(worker: WorkerEntry): Promise<WorkerBundle> {
  const carried = worker.carry ?? [];
  const here = JSON.stringify(fileURLToPath(new URL('./carried-modules.ts', import.meta.url)));
  const entry = [
    `import { carryModule } from ${here};`,
    ...carried.map((url, i) => `import * as carried${i} from ${JSON.stringify(fileURLToPath(url))};`),
    ...carried.map((url, i) => `carryModule(${JSON.stringify(url)}, carried${i});`),
    // Imported after the carries are registered: its module may look them up as it loads.
    `const run = (await import(${JSON.stringify(fileURLToPath(worker.module))}))[${JSON.stringify(worker.export)}];`,
    'await run();',
  ].join('\n');
  let code: Uint8Array;
  try {
    const result = await build({
      stdin: { contents: entry, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts', sourcefile: 'worker-entry.ts' },
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
    throw new Error(`the worker ${worker.module} could not be built: ${firstProblem(error)}`);
  }
  const path = join(tmpdir(), `outage-lab-worker-${process.pid}-${made++}.mjs`);
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
