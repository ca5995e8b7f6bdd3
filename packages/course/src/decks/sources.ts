import { join } from 'node:path';
import type { DeckSources } from '@outage-lab/slides';
import { loadManifest, MANIFEST_PATH, REPO_ROOT } from '../manifest.ts';
import { liveWidgets } from '../live/widgets.ts';
import { replayDiagrams } from './diagrams.ts';

/**
 * What this course gives the generic deck engine: its decks folder, the simulator's
 * diagrams plus the per-fix charts (which need the solutions), the live race player and
 * knobs (the core's models bundled for the browser), and an agenda read from
 * the lesson manifest on every render, so a served deck follows edits to it.
 */
export function deckSources(root: string = REPO_ROOT): Required<DeckSources> {
  return {
    decksDir: join(root, 'slides'),
    diagrams: replayDiagrams,
    widgets: liveWidgets,
    agenda: () => loadManifest(root).lessons.map((lesson) => ({ id: lesson.id, title: lesson.title, minutes: lesson.minutes })),
    watchFiles: [join(root, MANIFEST_PATH)],
    invocations: { build: 'npm run slides:build', serve: 'npm run slides', pdf: 'npm run slides:pdf' },
    // `--board` takes the class board's address as `npm run class -- serve` prints it; its
    // presenter feed (learners on each lesson, who is stuck longest) is /api/room.
    boardFeed: (board) => new URL('/api/room', board).href,
  };
}
