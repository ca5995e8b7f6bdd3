import { createHash } from 'node:crypto';
import { deckAssets } from './assets.ts';
import type { RenderedDeck } from './engine.ts';
import { escapeHtml } from './html.ts';

/**
 * Everything is inline and the policy forbids any fetch but the page's own origin (which
 * only the live-reload stream of `npm run slides` uses), so a deck makes no request when
 * it is opened from disk on a laptop with the Wi-Fi off. Scripts run only if their hash
 * is listed: an inline script smuggled into a deck would not, and nothing may eval.
 */
function policy(scripts: readonly string[], feedOrigin: string | null): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src ${scripts.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`).join(' ')}`,
    'img-src data:',
    'font-src data:',
    `connect-src 'self'${feedOrigin === null ? '' : ` ${feedOrigin}`}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The corner feed: a URL on this machine's loopback that answers `{ title, items }` (the
 * class board's "most stuck" list, or anything else). The engine knows nothing of what it
 * is; the policy lets the page reach that one origin and no other.
 */
export function cornerFeedOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(parsed.hostname) || parsed.username !== '' || parsed.password !== '') {
    throw new Error(`the corner feed must be on this machine's loopback (http://127.0.0.1:port/…), not ${url}`);
  }
  return parsed.origin;
}

const KEYS: readonly (readonly [string, string])[] = [
  ['→ ↓ Space PgDn', 'next step'],
  ['← ↑ Shift+Space PgUp', 'previous step'],
  ['Home / End', 'first / last slide'],
  ['o', 'overview of all slides'],
  ['f', 'fullscreen'],
  ['b or .', 'blank the screen'],
  ['p', 'presenter view (second window)'],
  ['r, + / −', 'presenter view: reset timer, notes size'],
  ['?', 'this help'],
];

export function deckPage(deck: RenderedDeck, deckId: string, cornerFeed?: string): string {
  const feedOrigin = cornerFeed === undefined ? null : cornerFeedOrigin(cornerFeed);
  const { css, js } = deckAssets();
  // The deck's own script first: widgets find window.OutageDeck when they start.
  const scripts = [`\n${js}\n`, ...deck.scripts.map((s) => `\n${s.code}\n`)];
  const broken = deck.scripts.find((s) => /<\/script/i.test(s.code));
  // The browser would end the script there and show the rest as text.
  if (broken !== undefined) throw new Error(`the widget script ${broken.name} contains "</script"`);
  const row = ([k, what]: readonly [string, string]): string => `<tr><td><kbd>${escapeHtml(k)}</kbd></td><td>${escapeHtml(what)}</td></tr>`;
  // A widget's own keys, for when it has focus (a click on it, or Tab).
  const widgetKeys = deck.scripts.flatMap((s) =>
    s.keys === undefined || s.keys.length === 0 ? [] : [`<tr><th colspan="2">${escapeHtml(s.title ?? s.name)}: click it or Tab to it, then</th></tr>`, ...s.keys.map(row)],
  );
  const help = [...KEYS.map(row), ...widgetKeys].join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy(scripts, feedOrigin)}">
<title>${escapeHtml(deck.title)}</title>
<link rel="icon" href="data:,">
<style>
${[css, ...deck.scripts.map((s) => s.css ?? '')].join('\n')}
</style>
</head>
<body data-deck="${escapeHtml(deckId)}"${cornerFeed === undefined ? '' : ` data-corner-feed="${escapeHtml(cornerFeed)}"`}>
<main class="deck" aria-roledescription="slide deck" aria-label="${escapeHtml(deck.title)}">
${deck.html}</main>
<div class="deck-progress"></div>
<div class="deck-live" aria-live="polite"></div>
<div class="deck-overview" hidden></div>
<div class="deck-help" role="dialog" aria-label="Keys" hidden><h2>Keys</h2><table>${help}</table></div>
<div class="deck-toast" role="status" hidden></div>
<div class="presenter" hidden>
<div class="pv-bar"><span class="pv-position"></span><button type="button" class="pv-prev" aria-label="Previous">◀</button><button type="button" class="pv-nextbtn" aria-label="Next">▶</button><span class="pv-elapsed">00:00:00</span><button type="button" class="pv-reset">Reset timer</button><span class="pv-clock"></span></div>
<div class="pv-current pv-pane"><div class="pv-label">Current</div><div class="pv-frame"></div></div>
<div class="pv-next pv-pane"><div class="pv-label">Next</div><div class="pv-frame"></div></div>
<div class="pv-corner" aria-live="polite" hidden><div class="pv-label pv-corner-title"></div><ol class="pv-corner-items"></ol></div>
<div class="pv-notes pv-pane"><div class="pv-label">Notes <button type="button" class="pv-smaller" aria-label="Smaller notes">A−</button><button type="button" class="pv-larger" aria-label="Larger notes">A+</button></div><div class="pv-notes-text"></div></div>
</div>
${scripts.map((code) => `<script>${code}</script>`).join('\n')}
</body>
</html>
`;
}
