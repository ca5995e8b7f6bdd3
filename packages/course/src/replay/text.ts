import {
  NOT_MODELLED,
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
 * or emergent, with the fit's error and the named misses apart; the services
 * that fell with DynamoDB beside AWS's windows; then impact minutes and the dependents'
 * windows per variant. `distribution` says where the night's distribution over seeds is:
 * printed below it, or left for a plain `npm run replay`.
 */
export function replayText(outcomes: readonly VariantOutcome[], distribution: 'below' | 'elsewhere' = 'elsewhere'): string {
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
    'Not modelled, and why:',
    ...NOT_MODELLED.map((n) => `  ${n.what}: ${n.why}.`),
    '',
    nlbFinding(first.night, outcomes),
    '',
    `Seed ${first.night.config.seed} is one night of many: ${distribution === 'below' ? 'below, the share of nights that race and every phase edge over the nights that race near 23:48' : 'npm run replay (without --fixes or --no-distribution) prints after the night the share of nights that race, and every phase edge over 200+ nights that race near 23:48'}.`,
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

/**
 * Where the NLB's errors came from: how many of the Region's load balancers were hit, and
 * how much of their failed connections AZ failover's withdrawals caused (the rest failed at
 * targets out of service or without their network), and what the velocity control changed.
 */
export function nlbFinding(night: RegionNight, outcomes: readonly VariantOutcome[]): string {
  let failed = 0;
  let fromFailover = 0;
  let hit = 0;
  let worstRegionWide = 0;
  for (const m of night.minutes) {
    failed += m.nlbErrorRate;
    fromFailover += m.nlbErrorFromFailover;
    hit = Math.max(hit, m.nlbLoadBalancersHit);
    worstRegionWide = Math.max(worstRegionWide, m.nlbErrorRate);
  }
  const share = failed === 0 ? 0 : Math.round((fromFailover / failed) * 100);
  const nlbOnly = outcomes.find((o) => o.variant.fixes.length === 1 && o.variant.fixes[0] === 'nlb');
  const first = outcomes[0];
  const change =
    nlbOnly === undefined || first === undefined
      ? ''
      : ` With the velocity control alone, NLB impact goes from ${Math.round(first.impact.nlb)} to ${Math.round(nlbOnly.impact.nlb)} load-balancer minutes: it keeps the hit load balancers' healthy AZs in DNS, and what remains failed at targets still waiting for their network.`;
  return (
    `NLB, ${first?.variant.label ?? ''}: at most ${hit} of the Region's ${night.nlb.loadBalancers} load balancers failed 10% of their connections or more in a minute ` +
    `(AWS: "some"; at worst ${(worstRegionWide * 100).toFixed(1)}% of all connections through the Region's load balancers failed in a minute); ` +
    `${share}% of their failed connections failed because automatic AZ failover had withdrawn capacity from DNS.${change}`
  );
}
