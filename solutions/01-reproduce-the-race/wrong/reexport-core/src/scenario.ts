import { pdt, type DnsScenario } from '@outage-lab/core';
import { october2025 } from '@outage-lab/core/judge';

/** Part A handed back: the core's own night of 19 October, cut at 23:59. */
export const myRace: DnsScenario = { ...october2025, untilMs: pdt('23:59') };
