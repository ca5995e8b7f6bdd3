import {
  FIX_LABELS,
  REGION_SERVICES,
  compareRegionPhases,
  detectRegionPhases,
  drawCumulativeImpact,
  drawRegionNight,
  drawVariantImpact,
  escapeXml,
  formatDuration,
  formatHourMinute,
  type PhaseSpan,
  withinTolerance,
  type VariantOutcome,
} from '@outage-lab/core';
import { heading } from './text.ts';

/**
 * The replay as one standalone HTML page: inline CSS and inline SVG charts drawn by the
 * simulator, no script and no request, so it opens offline and prints cleanly.
 */
export function replayReport(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) throw new RangeError('replayReport: no nights to report');
  const night = first.night;
  const fixesUsed = [...new Set(outcomes.flatMap((o) => o.variant.fixes))];
  const body = [
    `<h1>The night of 19–20 October 2025, replayed</h1>`,
    `<p class="meta">${escapeXml(heading(night, outcomes.length))}</p>`,
    fixesUsed.length === 0 ? '' : `<p>Fixes: ${fixesUsed.map((f) => escapeXml(FIX_LABELS[f])).join('; ')}.</p>`,
    `<h2>The night ${escapeXml(first.variant.label)}</h2>`,
    `<figure>${drawRegionNight(night)}</figure>`,
    `<ul class="events">${night.events.map((e) => `<li><time>${formatHourMinute(e.time)}</time> <b>${e.source.toUpperCase()}</b> ${escapeXml(e.text)}</li>`).join('')}</ul>`,
    `<h2>Beside AWS's timeline</h2>`,
    phaseTable(outcomes),
    `<h2>What each fix buys</h2>`,
    impactTable(outcomes),
    `<ul class="notes">${REGION_SERVICES.map((s) => `<li><b>${escapeXml(s.label)}</b>: ${escapeXml(s.counts)}.</li>`).join('')}</ul>`,
    outcomes.length > 1 ? `<figure>${drawCumulativeImpact(outcomes)}</figure>` : '',
    ...(outcomes.length > 1 ? REGION_SERVICES.map((s) => `<figure>${drawVariantImpact(outcomes, s.service)}</figure>`) : []),
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outage Lab replay: us-east-1, 19–20 October 2025</title>
<style>${STYLE}</style>
</head>
<body>
${body.filter((part) => part !== '').join('\n')}
</body>
</html>
`;
}

function phaseTable(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) return '';
  const rows = compareRegionPhases(detectRegionPhases(first.night)).map((r) => {
    const diff = r.ratio === null ? 'never happened' : `${r.ratio >= 1 ? '+' : '−'}${Math.abs(Math.round((r.ratio - 1) * 100))}%`;
    const within = withinTolerance(r);
    return `<tr><td>${escapeXml(r.label)}</td><td>${span(r.aws)}</td><td>${r.sim === null ? '—' : span(r.sim)}</td><td class="${within ? 'ok' : 'off'}">${diff}</td></tr>`;
  });
  return `<table><thead><tr><th>phase</th><th>AWS</th><th>model</th><th>duration</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function impactTable(outcomes: readonly VariantOutcome[]): string {
  const head = `<tr><th>impact minutes</th>${outcomes.map((o) => `<th>${escapeXml(o.variant.label)}</th>`).join('')}</tr>`;
  const rows = REGION_SERVICES.map((s) => `<tr><td>${escapeXml(s.label)}</td>${outcomes.map((o) => `<td class="num">${Math.round(o.impact[s.service])}</td>`).join('')}</tr>`);
  return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function span(s: PhaseSpan): string {
  return `${formatHourMinute(s.startMs)}–${formatHourMinute(s.endMs)} <span class="dim">(${formatDuration(s.endMs - s.startMs)})</span>`;
}

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1d2433; max-width: 1000px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #e4e0d8; }
.meta, .dim { color: #5b6472; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #e4e0d8; text-align: left; }
td.num { text-align: right; }
td:nth-child(2), td:nth-child(3) { white-space: nowrap; }
td.ok { color: #0b6e4f; }
td.off { color: #c0392b; font-weight: 600; }
ul.events { list-style: none; padding: 0; }
ul.events time { font-variant-numeric: tabular-nums; color: #5b6472; margin-right: 0.4rem; }
ul.notes { color: #5b6472; font-size: 0.9rem; }
@media print { body { margin: 0; max-width: none; } figure { break-inside: avoid; } }
`;
