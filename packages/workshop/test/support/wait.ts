import type { ChildProcessWithoutNullStreams, ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

type Child = ChildProcessWithoutNullStreams | ChildProcessByStdio<null, Readable, Readable>;

/** Collects a child's output and waits for text to appear in it (or the child to end). */
export function follow(child: Child) {
  let out = '';
  let err = '';
  let exit: number | null = null;
  const waiters: (() => void)[] = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    wake();
  });
  const ended = new Promise<number>((resolve) =>
    child.once('close', (code) => {
      exit = code ?? -1;
      wake();
      resolve(exit);
    }),
  );
  return {
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    ended,
    kill: (signal: NodeJS.Signals) => child.kill(signal),
    /** Resolves with the output once `pattern` matches it after `from`; rejects if the child ends first. */
    async until(pattern: RegExp, from = 0): Promise<string> {
      for (;;) {
        if (pattern.test(out.slice(from))) return out;
        if (exit !== null) throw new Error(`the CLI ended (exit ${exit}) before printing ${pattern}:\n${out}\n${err}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}
