import { performance } from 'node:perf_hooks';
import { october2025Region } from '../src/scenarios/region.ts';
import { runRegion } from '../src/region/run.ts';
import { forgetMemos } from '../src/sim/memo.ts';
import type { RegionConfig } from '../src/region/config.ts';

const RUNS = 3;

/**
 * Wall-clock ms for the whole night in the Region (DNS model, DynamoDB's clients, EC2 and
 * the NLB, 23:00–14:20) as it happened, at the default fleet of 10,000 droplets and at a
 * million: best of three after a warm-up. The EC2 model aggregates droplets, so the two
 * figures should be close; the DNS model's steps dominate.
 */
export async function benchRegion(): Promise<Record<string, number>> {
  const million: RegionConfig = { ...october2025Region, ec2: { ...october2025Region.ec2, fleetSize: 1_000_000 } };
  runRegion(october2025Region);
  return {
    'region.wallMsFullNight': best(october2025Region),
    'region.wallMsFullNight.1M': best(million),
  };
}

function best(config: RegionConfig): number {
  let fastest = Infinity;
  for (let i = 0; i < RUNS; i++) {
    // runRegion keeps the nights it ran: without this every run after the first is a lookup.
    forgetMemos();
    const started = performance.now();
    runRegion(config);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return Math.round(fastest);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchRegion());
}
