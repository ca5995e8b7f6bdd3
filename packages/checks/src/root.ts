import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: three levels above this file. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
