import {
  DEPENDENT_SERVICES,
  FIX_LABELS,
  DEPENDENT_TOLERANCE,
  NOT_MODELLED,
  PHASE_TOLERANCE,
  REGION_PHASE_BASIS,
  REGION_SERVICES,
  compareDependents,
  compareRegionPhases,
  dependentWindowsByNight,
  detectRegionPhases,
  drawCumulativeImpact,
  drawRegionNight,
  drawSensitivityTornado,
  drawVariantImpact,
  escapeXml,
  formatDuration,
  formatHourMinute,
  formatWindow,
  sensitivitySweep,
  summarizeCalibration,
  type PhaseSpan,
  withinTolerance,
  type VariantOutcome,
} from '@outage-lab/core';
import { heading, nlbFinding } from './text.ts';

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
    calibrationNotes(outcomes),
    `<h2>Which parameter moves which phase</h2>`,
    sensitivitySection(outcomes),
    `<h2>Who else felt it</h2>`,
    dependentsTable(outcomes),
    `<h2>Not modelled, and why</h2>`,
    `<ul class="notes">${NOT_MODELLED.map((n) => `<li><b>${escapeXml(n.what)}</b>: ${escapeXml(n.why)}.</li>`).join('')}</ul>`,
    `<h2>Where the NLB's errors came from</h2>`,
    `<p>${escapeXml(nlbFinding(night, outcomes))}</p>`,
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
    const basis = REGION_PHASE_BASIS[r.phase];
    const diff = r.ratio === null ? 'never happened' : `${r.ratio >= 1 ? '+' : '−'}${Math.abs(Math.round((r.ratio - 1) * 100))}%`;
    const within = withinTolerance(r, PHASE_TOLERANCE);
    const marks = `${basis.start} → ${basis.end}${basis.miss === undefined ? '' : ' · <b>named miss</b>'}`;
    return `<tr><td>${escapeXml(r.label)}</td><td>${span(r.aws)}</td><td>${r.sim === null ? '—' : span(r.sim)}</td><td class="${within ? 'ok' : 'off'}">${diff}</td><td>${marks}<br><span class="dim">${escapeXml(basis.why)}</span></td></tr>`;
  });
  return `<table><thead><tr><th>phase</th><th>AWS</th><th>model</th><th>duration</th><th>start → end rests on</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function calibrationNotes(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) return '';
  const summary = summarizeCalibration(compareRegionPhases(detectRegionPhases(first.night)));
  const misses = summary.misses.map((h) => {
    const start = h.startErrorMs === null ? 'never started' : `${h.startErrorMs >= 0 ? '+' : '−'}${formatDuration(Math.abs(h.startErrorMs))}`;
    const duration = h.durationError === null ? 'never happened' : `${h.durationError >= 0 ? '+' : '−'}${Math.abs(Math.round(h.durationError * 100))}%`;
    return `<li><b>Named miss</b>: ${escapeXml(h.label)}: start ${start}, duration ${duration}: ${escapeXml(h.why)}.</li>`;
  });
  return `<ul class="notes"><li><b>Fit, in-sample</b> (every phase but the named misses): mean |duration error| ${Math.round(summary.fitMeanAbsError * 100)}%, worst ${Math.round(summary.fitWorst * 100)}%.</li>${misses.join('')}<li><i>input</i>: an operator time given to the model; <i>fitted</i>: a parameter was tuned to this edge; <i>emergent</i>: nothing was tuned to it.</li></ul>`;
}

function sensitivitySection(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) return '';
  const rows = sensitivitySweep(first.night.config);
  return `<p>Each fitted or chosen parameter of the composed night moved by ±25%, all others as calibrated; the bar is the phase it moves most, as a share of AWS's duration for that phase. The DNS model's parameters are left out: they decide whether the race happens at all, which the race-odds chart measures.</p><figure>${drawSensitivityTornado(rows)}</figure>`;
}

function dependentsTable(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) return '';
  const compared = compareDependents(first.night).map((r) => {
    const error = r.durationError === null ? (r.startErrorMs === null ? 'not seen' : 'AWS gives no end') : `${r.durationError >= 0 ? '+' : '−'}${Math.abs(Math.round(r.durationError * 100))}%`;
    const ok = r.durationError !== null && Math.abs(r.durationError) <= DEPENDENT_TOLERANCE;
    return `<tr><td>${escapeXml(r.label)}</td><td>${escapeXml(formatWindow(r.aws))}</td><td>${escapeXml(formatWindow(r.model))}</td><td class="${ok || r.durationError === null ? 'ok' : 'off'}">${error}</td></tr>`;
  });
  const paths = DEPENDENT_SERVICES.map((s) => `<li><b>${escapeXml(s.label)}</b>: ${escapeXml(s.path)}.</li>`).join('');
  const byNight = dependentWindowsByNight(outcomes.map((o) => o.night));
  const head = `<tr><th>service</th>${outcomes.map((o) => `<th>${escapeXml(o.variant.label)}</th>`).join('')}</tr>`;
  const perVariant = byNight.map((r) => `<tr><td>${escapeXml(r.label)}</td>${r.windows.map((w) => `<td>${escapeXml(w)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr><th>service</th><th>AWS</th><th>model (${escapeXml(first.variant.label)})</th><th>duration</th></tr></thead><tbody>${compared.join('')}</tbody></table><ul class="notes">${paths}</ul><table><thead>${head}</thead><tbody>${perVariant}</tbody></table>`;
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
