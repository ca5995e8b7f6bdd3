/**
 * What every class command is handed: the repository root, where its lines go, and the
 * clock. Its own module, so the commands and the command line that dispatches to them
 * import it rather than each other.
 */
export interface ClassContext {
  readonly root: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly now: () => Date;
}

/** A command's parsed flags, by name. */
export type Flags = Readonly<Record<string, string | boolean | undefined>>;
