import { fileURLToPath } from 'node:url';
import { FIXTURES } from './render.ts';

/** The workshop's own decks. */
export const DECKS_DIR = fileURLToPath(new URL('../../../../slides/', import.meta.url));

/**
 * The decks are built against the fixture manifest: the agenda's content is tested in
 * plugins/agenda.test.ts, and here the build must not depend on lessons still being written.
 */
export const MANIFEST = `${FIXTURES}manifest.json`;
