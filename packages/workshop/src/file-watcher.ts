import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export type WatchMode = 'fs.watch' | 'poll';

export interface FolderWatcher {
  /** Current mode: `fs.watch` with a slow poll behind it, or polling alone. */
  readonly mode: WatchMode;
  close(): void;
}

export interface FileChange {
  readonly path: string;
  readonly kind: 'change' | 'delete';
}

/** Called once per settled burst of saves, with every file that changed in it. */
export type ChangeHandler = (changes: readonly FileChange[]) => void;

export interface WatchOptions {
  readonly poll: boolean;
  /** How long the folder must be quiet before a burst of saves counts as settled. */
  readonly settleMs?: number;
  /** Polling interval: the only source with `poll`, a safety net behind `fs.watch` otherwise. */
  readonly intervalMs?: number;
}

/** Editors' swap and backup files are not the learner's code. */
const ignored = (name: string): boolean => name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp') || name === 'node_modules' || /\.tmp[\w.-]*$/.test(name);

/**
 * Reports saves under one lesson folder, however the editor saves:
 * - in place (most editors), atomically (write a temporary file, rename it over the
 *   original: `sed -i`, vim, JetBrains' safe write), or delete and create again;
 * - ten saves in one second (format-on-save, auto-save) are one burst: reported once,
 *   after the folder has been quiet for `settleMs`, so the tests run on the last content.
 *
 * Directory watchers, not file watchers: a watcher on a file follows the inode that an
 * atomic save replaces, and then hears nothing more (watch mode used to go silent after
 * the first such save). What changed is found by comparing each file's size, time and
 * inode with the last report, so an event that names the wrong file (the temporary one)
 * or none still counts, and a slow poll catches anything the events miss (WSL on
 * /mnt/c, network and container mounts deliver none: `poll` relies on polling alone).
 */
export function watchFolder(dir: string, onChange: ChangeHandler, options: WatchOptions): FolderWatcher {
  const settleMs = options.settleMs ?? 200;
  const intervalMs = options.intervalMs ?? (options.poll ? 300 : 1000);
  let known = signatures(dir);
  /** What the poll saw last: a difference from it is a save, as an event would be. */
  let seen = known;
  let settle: NodeJS.Timeout | null = null;
  let closed = false;
  const watchers = new Map<string, FSWatcher>();
  let mode: WatchMode = options.poll ? 'poll' : 'fs.watch';

  const report = (): void => {
    settle = null;
    if (closed) return;
    const now = signatures(dir);
    const changes: FileChange[] = [];
    for (const [path, signature] of now) if (known.get(path) !== signature) changes.push({ path, kind: 'change' });
    for (const path of known.keys()) if (!now.has(path)) changes.push({ path, kind: 'delete' });
    known = now;
    seen = now;
    if (!options.poll) watchDirectories();
    if (changes.length > 0) onChange(changes);
  };
  const stir = (): void => {
    if (closed) return;
    if (settle !== null) clearTimeout(settle);
    settle = setTimeout(report, settleMs);
  };
  const watchDirectories = (): void => {
    for (const folder of directories(dir)) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, (_event, name) => {
          if (name === null || !ignored(name.toString())) stir();
        });
        // A folder deleted, or a watcher the system takes back: the poll carries on.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        if (watchers.size === 0) mode = 'poll';
      }
    }
  };
  if (!options.poll) watchDirectories();
  const poller = setInterval(() => {
    const now = signatures(dir);
    if (now.size === seen.size && [...now].every(([path, signature]) => seen.get(path) === signature)) return;
    seen = now;
    stir();
  }, intervalMs);
  return {
    get mode() {
      return mode;
    },
    close: () => {
      closed = true;
      clearInterval(poller);
      if (settle !== null) clearTimeout(settle);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function directories(dir: string): string[] {
  const found = [dir];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory() && !ignored(entry.name)) found.push(...directories(join(dir, entry.name)));
  } catch {
    // The folder went away; the poll reports its files as deleted.
  }
  return found;
}

/** Each file's size, modification time and inode: an atomic save changes the inode even when size and time agree. */
export function signatures(dir: string): Map<string, string> {
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
          found.set(path, `${stat.mtimeMs}:${stat.size}:${stat.ino}`);
        } catch {
          // Deleted between listing and stat: the next scan reports it.
        }
      }
    }
  };
  visit(dir);
  return found;
}
