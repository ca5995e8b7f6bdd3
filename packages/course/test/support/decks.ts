import { fileURLToPath } from 'node:url';

/** The workshop's own decks. */
export const DECKS_DIR = fileURLToPath(new URL('../../../../slides/', import.meta.url));

/** The lesson manifest the opening deck's agenda is generated from. */
export const MANIFEST = fileURLToPath(new URL('../../../../exercises/manifest.json', import.meta.url));
