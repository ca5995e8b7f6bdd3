import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export type WatchMode = 'fs.watch' | 'poll';

export interface FolderWatcher {
  /** Current mode: an `fs.watch` watcher that fails later hands over to polling. */
  readonly mode: WatchMode;
  close(): void;
}

export type ChangeHandler = (path: string, kind: 'change' | 'delete') => void;

/** Editors' swap and backup files are not the learner's code. */
const ignored = (name: string): boolean => name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp') || name === 'node_modules';

/**
 * Reports changes under one lesson folder. `fs.watch` is instant but silent on some
 * setups (WSL on a Windows drive, some network and container mounts), so `poll`
 * compares each file's size and mtime every `intervalMs` instead; it is cheap because a
 * lesson folder holds a handful of files. If `fs.watch` cannot start, polling takes over.
 */
export function watchFolder(dir: string, onChange: ChangeHandler, options: { readonly poll: boolean; readonly intervalMs?: number }): FolderWatcher {
  const intervalMs = options.intervalMs ?? 500;
  let current: { mode: WatchMode; close(): void } | null = null;
  const poll = (): void => {
    current = watchByPolling(dir, onChange, intervalMs);
  };
  if (options.poll) poll();
  else {
    try {
      const watcher = watchWithEvents(dir, onChange);
      // A watcher that fails later (too many watches, an unmounted drive) must not end the session.
      watcher.on('error', () => {
        watcher.close();
        poll();
      });
      current = { mode: 'fs.watch', close: () => watcher.close() };
    } catch {
      poll();
    }
  }
  return {
    get mode() {
      return current?.mode ?? 'poll';
    },
    close: () => current?.close(),
  };
}

function watchWithEvents(dir: string, onChange: ChangeHandler): FSWatcher {
  return watch(dir, { recursive: true }, (_event, filename) => {
    if (filename === null) return;
    const name = filename.toString();
    if (name.split(/[\\/]/).some(ignored)) return;
    const path = join(dir, name);
    if (!existsSync(path)) onChange(path, 'delete');
    else if (isFile(path)) onChange(path, 'change');
  });
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

function watchByPolling(dir: string, onChange: ChangeHandler, intervalMs: number): { mode: WatchMode; close(): void } {
  let known = signatures(dir);
  const timer = setInterval(() => {
    const now = signatures(dir);
    for (const [path, signature] of now) if (known.get(path) !== signature) onChange(path, 'change');
    for (const path of known.keys()) if (!now.has(path)) onChange(path, 'delete');
    known = now;
  }, intervalMs);
  return { mode: 'poll', close: () => clearInterval(timer) };
}

function signatures(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (ignored(entry.name)) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        try {
          const stat = statSync(path);
          found.set(path, `${stat.mtimeMs}:${stat.size}`);
        } catch {
          // Deleted between listing and stat: the next scan reports it.
        }
      }
    }
  };
  visit(dir);
  return found;
}
