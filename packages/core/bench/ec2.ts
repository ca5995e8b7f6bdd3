import { performance } from 'node:perf_hooks';
import { HOUR } from '../src/sim/clock.ts';
import { october2025Ec2 } from '../src/scenarios/ec2.ts';
import { runEc2Scenario } from '../src/ec2/run.ts';

const FLEETS: readonly [string, number][] = [
  ['10k', 10_000],
  ['100k', 100_000],
  ['1M', 1_000_000],
];
const RUNS = 5;

/**
 * Wall-clock ms per simulated hour of the calibrated October night (23:00–14:20) at three
 * fleet sizes, best of five after a warm-up; and the peak JS memory (heap + array
 * buffers) while the night runs with a million droplets. The model aggregates droplets
 * into cohorts, so the cost should barely move with the fleet; the figures show whether
 * it stays at most linear.
 */
export async function benchEc2(): Promise<Record<string, number>> {
  const simHours = (october2025Ec2.endMs - october2025Ec2.startMs) / HOUR;
  const result: Record<string, number> = {};
  runEc2Scenario(october2025Ec2, { seed: 0 });
  for (const [label, fleetSize] of FLEETS) {
    const config = { ...october2025Ec2, fleetSize };
    let best = Infinity;
    for (let seed = 1; seed <= RUNS; seed++) {
      const started = performance.now();
      runEc2Scenario(config, { seed });
      best = Math.min(best, performance.now() - started);
    }
    result[`ec2.wallMsPerSimHour.${label}`] = Math.round((best / simHours) * 100) / 100;
  }
  let peak = 0;
  const measure = (): void => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
  };
  measure();
  runEc2Scenario({ ...october2025Ec2, fleetSize: 1_000_000 }, { seed: 1, onSample: measure });
  measure();
  result['ec2.peakMemoryMB.1M'] = Math.round((peak / 2 ** 20) * 10) / 10;
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchEc2());
}
