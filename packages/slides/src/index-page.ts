import type { DeckResult } from './deck-result.ts';
import { escapeHtml } from './html.ts';

/** The page `npm run slides` opens on: one link per deck, or the errors that stopped it. */
export function indexPage(results: readonly DeckResult[]): string {
  const rows = results.map((r) => {
    if (r.page === null) {
      const errors = r.errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join('');
      return `<li class="failed"><strong>${escapeHtml(r.name)}</strong> did not build<ul>${errors}</ul></li>`;
    }
    const count = r.deck?.slides.length ?? 0;
    return `<li><a href="${encodeURIComponent(r.name)}.html">${escapeHtml(r.deck?.title ?? r.name)}</a> <span>${escapeHtml(r.name)} · ${count} slides</span></li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'">
<title>Outage Lab slides</title>
<link rel="icon" href="data:,">
<style>
body { font: 18px/1.5 system-ui, 'DejaVu Sans', sans-serif; max-width: 860px; margin: 48px auto; padding: 0 24px; color: #1d2433; }
h1 { font-size: 30px; }
ol { padding-left: 0; list-style: none; }
li { padding: 10px 0; border-bottom: 1px solid #e4e0d8; }
li span { color: #5b6472; font-size: 15px; margin-left: 8px; }
a { color: #1d4ed8; font-weight: 600; }
.failed { color: #c0392b; }
.failed li { font-family: ui-monospace, monospace; font-size: 14px; border: 0; padding: 2px 0; }
</style>
</head>
<body>
<main>
<h1>Outage Lab slides</h1>
<p>Open a deck, then press <kbd>?</kbd> for the keys and <kbd>p</kbd> for the presenter view.</p>
<ol>
${rows.join('\n')}
</ol>
</main>
</body>
</html>
`;
}
