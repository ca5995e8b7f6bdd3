import type { ProgressSink } from './progress.ts';

/** Where the replay writes: its own module, so the command and the distribution both import it rather than each other. */
export interface ReplayIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The progress bar: a terminal redraws it in place. */
  readonly progress: ProgressSink;
  readonly cwd: string;
  readonly writeFile: (path: string, text: string) => void;
  /** Where computed distributions are kept between runs; null keeps none. */
  readonly cacheDir: string | null;
}
