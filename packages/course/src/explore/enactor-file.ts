import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BadInput } from '@outage-lab/cli';
import type { EnactorProgram } from '@outage-lab/core';

/**
 * `--enactor <file>`: the search runs a learner's own Enactor (lesson 02's
 * `src/enactor.ts`) instead of the faithful one. The file is the learner's input, so
 * everything that can be wrong with it is one line and exit 2, never a stack trace.
 */

const VALID = 'a .ts or .js module that exports a DnsEnactor class, e.g. exercises/02-generation-checks/src/enactor.ts';
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];
const METHODS = ['ready', 'describe', 'step'] as const;

export interface EnactorFile {
  /** As the learner wrote it, for messages and the replay hint. */
  readonly path: string;
  /** file:// URL: worker threads load the class from here, since a class cannot cross threads. */
  readonly url: string;
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Checked while the command line is read, before any work starts: a module file that exists. */
export function enactorFile(path: string, cwd: string = process.cwd()): EnactorFile {
  const file = resolve(cwd, path);
  if (!EXTENSIONS.includes(extname(file))) throw new BadInput(`--enactor: ${JSON.stringify(path)} is not a module file (valid: ${VALID})`);
  if (!existsSync(file) || !statSync(file).isFile()) throw new BadInput(`--enactor: ${JSON.stringify(path)} is not a file (valid: ${VALID})`);
  return { path, url: pathToFileURL(file).href };
}

/**
 * Imports the learner's module and builds one Enactor, so that a module that throws, a
 * missing export or a class without the Enactor's methods is reported before the search
 * starts rather than as a crash inside it.
 */
export async function loadEnactor(file: EnactorFile): Promise<EnactorProgram> {
  let module: Record<string, unknown>;
  try {
    module = (await import(file.url)) as Record<string, unknown>;
  } catch (error) {
    throw new BadInput(`--enactor: ${file.path} does not load: ${firstLine(error)} (valid: ${VALID})`);
  }
  const Enactor = module['DnsEnactor'];
  if (typeof Enactor !== 'function') throw new BadInput(`--enactor: ${file.path} exports no DnsEnactor class (valid: ${VALID})`);
  let program: unknown;
  try {
    program = Reflect.construct(Enactor, []);
  } catch (error) {
    throw new BadInput(`--enactor: new DnsEnactor() from ${file.path} throws: ${firstLine(error)} (valid: a class built without arguments)`);
  }
  const missing = METHODS.filter((m) => typeof (program as Record<string, unknown>)[m] !== 'function');
  if (missing.length > 0) throw new BadInput(`--enactor: the DnsEnactor of ${file.path} has no ${missing.join(', ')} method (valid: a class that extends EnactorSteps)`);
  return program as EnactorProgram;
}
