import { join } from 'node:path';
import { REPO_ROOT } from '../../src/manifest.ts';

/** The workshop's own decks. */
export const DECKS_DIR = join(REPO_ROOT, 'slides');
