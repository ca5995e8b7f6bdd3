import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { parse, resolve, sep } from 'node:path';
import { BadInput } from '@outage-lab/cli';

/**
 * The folders a command line names, checked before any work: a typo must never make
 * the build write decks into the repository root, a system folder or the home folder.
 */
const SYSTEM = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/sbin', '/sys', '/usr'];

const within = (path: string, folder: string): boolean => path === folder || path.startsWith(`${folder}${sep}`);

export function systemPath(path: string): boolean {
  const absolute = resolve(path);
  return absolute === parse(absolute).root || absolute === homedir() || SYSTEM.some((folder) => within(absolute, folder));
}

function nonEmpty(flag: string, value: string): string {
  if (!/\S/.test(value)) throw new BadInput(`${flag}: an empty path (valid: a folder name, such as ${flag} slides/dist)`);
  if (value.includes('\0')) throw new BadInput(`${flag}: ${JSON.stringify(value)} contains a NUL character (valid: a folder name)`);
  return resolve(value);
}

/** A folder that holds at least one deck. */
export function decksFolder(value: string): string {
  const dir = nonEmpty('--decks', value);
  if (!existsSync(dir)) throw new BadInput(`--decks: ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new BadInput(`--decks: ${dir} is not a folder (valid: a folder of deck .md files)`);
  let decks: string[];
  try {
    decks = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
  } catch (error) {
    throw new BadInput(`--decks: ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (decks.length === 0) throw new BadInput(`--decks: ${dir} holds no decks (valid: a folder of deck .md files, such as slides)`);
  return dir;
}

/** Where decks may be written: not the sources' own folder, the repository root, or a system folder. */
export function outFolder(value: string, options: { readonly decksDir: string; readonly repo: string }): string {
  const dir = nonEmpty('--out', value);
  const valid = '(valid: a folder of its own for the built decks, such as slides/dist)';
  if (!within(dir, resolve(options.repo)) && systemPath(dir)) throw new BadInput(`--out: ${dir} is a system folder ${valid}`);
  if (dir === resolve(options.repo) || dir === resolve(options.decksDir)) throw new BadInput(`--out: ${dir} holds sources ${valid}`);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new BadInput(`--out: ${dir} is a file ${valid}`);
  return dir;
}
