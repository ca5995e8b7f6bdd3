import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXIT_OK, reportError } from './errors.ts';

/**
 * A reader that went away (`explore | head`) is not a failure: stop quietly instead of
 * crashing with EPIPE on the next write.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
      throw error;
    });
  }
}

/** Runs a command's main function as a process: one error path, exit code, no EPIPE crash. */
export async function runAsProcess(command: string, main: () => number | Promise<number>): Promise<void> {
  quietOnClosedPipe();
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = reportError(command, error, (line) => void process.stderr.write(`${line}\n`));
  }
}

/**
 * Whether the module at `moduleUrl` is the script node was started with (through a
 * symlink too, as npm's bin links are), so a CLI file can also be imported by tests.
 */
export function invokedDirectly(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return moduleUrl === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}
