import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function runtimeFile(name: string): string {
  return readFileSync(new URL(`./runtime/${name}`, import.meta.url), 'utf8');
}

/**
 * The CSS and script every deck carries inline. They are plain files so they can be read
 * and edited as CSS and JavaScript; the build pastes them into each deck.
 */
let cached: { css: string; js: string } | null = null;

export function deckAssets(): { css: string; js: string } {
  if (cached !== null) return cached;
  const highlight = readFileSync(require.resolve('highlight.js/styles/github.css'), 'utf8');
  const css = [highlight, ...['theme.css', 'chrome.css', 'presenter.css', 'print.css'].map(runtimeFile)].join('\n');
  const js = ['deck.js', 'overview.js', 'sync.js', 'presenter.js'].map(runtimeFile).join('\n');
  cached = { css, js };
  return cached;
}
