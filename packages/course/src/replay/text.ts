import { REGION_SERVICES, compareRegionPhases, detectRegionPhases, formatImpactTable, formatPhaseTable, type RegionNight, type VariantOutcome } from '@outage-lab/core';

/** What `npm run replay` prints: the phases beside AWS's, then impact minutes per service and variant. */
export function replayText(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) return '';
  const lines = [
    heading(first.night, outcomes.length),
    '',
    `The night ${first.variant.label}, beside AWS's timeline (model − AWS, as a share of AWS's duration):`,
    formatPhaseTable(compareRegionPhases(detectRegionPhases(first.night))),
    '',
    'Impact minutes per service:',
    formatImpactTable(outcomes),
    '',
    ...REGION_SERVICES.map((s) => `  ${s.label}: ${s.counts}`),
  ];
  return lines.join('\n');
}

export function heading(night: RegionNight, nights: number): string {
  return `us-east-1, 19 Oct 23:00 – 20 Oct 14:20 PDT · seed ${night.config.seed} · ${nights} night${nights === 1 ? '' : 's'}`;
}
