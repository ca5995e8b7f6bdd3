import {
  REGION_SERVICES,
  compareRegionPhases,
  dependentWindowsByNight,
  detectRegionPhases,
  formatCalibratedPhases,
  formatDependents,
  formatImpactTable,
  type RegionNight,
  type VariantOutcome,
} from '@outage-lab/core';

/**
 * What `npm run replay` prints: the phases beside AWS's, each edge marked input, fitted
 * or emergent, with the fit's error and the held-out prediction's apart; the services
 * that fell with DynamoDB beside AWS's windows; then impact minutes and the dependents'
 * windows per variant.
 */
export function replayText(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) return '';
  const lines = [
    heading(first.night, outcomes.length),
    '',
    `The night ${first.variant.label}, beside AWS's timeline (model − AWS, as a share of AWS's duration):`,
    formatCalibratedPhases(compareRegionPhases(detectRegionPhases(first.night))),
    '',
    `Who else felt it, ${first.variant.label} (thin dependents driven by the models' own signals; nothing fitted):`,
    formatDependents(first.night),
    '',
    'Impact minutes per service:',
    formatImpactTable(outcomes),
    '',
    ...REGION_SERVICES.map((s) => `  ${s.label}: ${s.counts}`),
    ...(outcomes.length > 1 ? ['', 'What the dependents would have seen, per variant:', dependentsTable(outcomes)] : []),
  ];
  return lines.join('\n');
}

export function heading(night: RegionNight, nights: number): string {
  return `us-east-1, 19 Oct 23:00 – 20 Oct 14:20 PDT · seed ${night.config.seed} · ${nights} night${nights === 1 ? '' : 's'}`;
}

function dependentsTable(outcomes: readonly VariantOutcome[]): string {
  const rows = dependentWindowsByNight(outcomes.map((o) => o.night));
  const width = Math.max(...rows.map((r) => r.label.length));
  return outcomes
    .map((o, i) => [`  ${o.variant.label}:`, ...rows.map((r) => `    ${r.label.padEnd(width)}  ${r.windows[i] ?? 'none'}`)].join('\n'))
    .join('\n');
}
