import type { Browser, BrowserContext } from 'playwright-core';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/manifest.ts';

/** The workshop's own decks. */
export const DECKS_DIR = join(REPO_ROOT, 'slides');

/**
 * A browser context as the deck tests use it: the slide size, no animations (fragments
 * appear at once, so a screenshot never catches a fade), and no network: anything but a
 * file is aborted, and every request is listed so a test can say what a deck asked for.
 */
export async function offlineContext(browser: Browser, requested: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  await context.route('**/*', (route) => {
    requested.push(route.request().url());
    return route.request().url().startsWith('file://') ? route.continue() : route.abort();
  });
  return context;
}
