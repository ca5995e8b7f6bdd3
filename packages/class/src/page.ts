import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The board's one page: its script and style inline, allowed by their hashes, and a policy
 * that permits no request but the page's own event stream, so it works with the Wi-Fi off
 * and a learner's name can never become markup.
 */
const SCRIPT = readFileSync(new URL('./page/board.js', import.meta.url), 'utf8');
const STYLE = readFileSync(new URL('./page/board.css', import.meta.url), 'utf8');
const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function boardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class board · Outage Lab</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Class board</h1>
<span class="learner-count"></span>
<span class="status">connecting…</span>
<span class="join">Join: <code></code></span>
<label>Stuck after <input class="threshold" type="number" min="1" max="240" step="1"> min</label>
<button type="button" class="large">Large mode</button>
</header>
<h2>Most stuck</h2>
<ol class="stuck"></ol>
<h2>Learners</h2>
<table class="grid"></table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
