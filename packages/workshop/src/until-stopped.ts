/**
 * Waits for Ctrl-C (or a polite kill). Vitest's own SIGINT handler ends the process a
 * moment later with the exit code of the last run; stopping a watch is not a failure,
 * so the code is set to 0 first, whichever of the two finishes the shutdown.
 */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.exitCode = 0;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
