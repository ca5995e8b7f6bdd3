import type { DnsConfig, Fault } from '../dns/config.ts';
import { raceNight, tallyRaceNights, type RaceNight, type RaceOdds } from '../dns/race-odds.ts';
import type { DnsScenario } from '../dns/scenario.ts';
import { october2025 } from '../scenarios/dns.ts';
import { MINUTE, SECOND } from '../sim/clock.ts';
import { contentKey, memoTable } from '../sim/memo.ts';
import { renderLineChart } from '../render/svg/line-chart.ts';

/** Planner periods drawn, one line each (the October scenario's is 15 s). */
const PERIODS_MS = [15 * SECOND, 30 * SECOND, 60 * SECOND] as const;
/** How often the slow Enactor's lock attempts fail on the endpoints it struggles with: its delay (October: 0.9). */
const LOCK_FAILURES = [0.7, 0.9, 0.95] as const;
/** Nights per point: enough to see the shape at build time; the bench samples 10,000 at the October point. */
const NIGHTS_PER_POINT = 40;

/** October's scenario with another Planner period and another lock-failure chance for the slow Enactor. */
function variant(periodMs: number, lockFailures: number): DnsScenario {
  const faults = october2025.config.faults.map((f): Fault => (f.point === 'enactor.lock' && f.chance !== undefined ? { ...f, chance: lockFailures } : f));
  const config: DnsConfig = { ...october2025.config, plannerPeriodMs: periodMs, faults };
  return { ...october2025, config };
}

/**
 * Nights already run, by scenario and seed: drawings from neighbouring first seeds share
 * all but one night a point, and a deck drawn twice in one process runs none again.
 * Room for two drawings' worth.
 */
const nightsRun = memoTable<RaceNight>(2 * PERIODS_MS.length * LOCK_FAILURES.length * (NIGHTS_PER_POINT + 1));

function memoisedNight(scenario: DnsScenario, scenarioKey: string | null, seed: number): RaceNight {
  return scenarioKey === null ? raceNight(scenario, seed) : nightsRun.get(`${scenarioKey}@${seed}`, () => raceNight(scenario, seed));
}

export function raceOddsGrid(firstSeed: number, nights = NIGHTS_PER_POINT): { readonly periodMs: number; readonly points: readonly RaceOdds[] }[] {
  return PERIODS_MS.map((periodMs) => ({
    periodMs,
    points: LOCK_FAILURES.map((chance) => {
      const scenario = variant(periodMs, chance);
      const scenarioKey = contentKey(scenario);
      const results: RaceNight[] = [];
      for (let seed = firstSeed; seed < firstSeed + nights; seed++) results.push(memoisedNight(scenario, scenarioKey, seed));
      return tallyRaceNights(results);
    }),
  }));
}

/**
 * `sim race-odds`: how likely a night is to empty the regional endpoint, against how long
 * the slow Enactor takes to reach it (its delay, set by how often its lock attempts fail)
 * and the Planner's period. The race needs the delay to outlast the clean-up threshold
 * (ten plans): with plans every minute, the same Enactor almost never does harm.
 */
export function drawRaceOdds(firstSeed: number): string {
  const grid = raceOddsGrid(firstSeed);
  return renderLineChart({
    title: `How often the slow Enactor's delayed pass empties the regional endpoint (${NIGHTS_PER_POINT} seeded nights a point, from seed ${firstSeed})`,
    xLabel: "the slow Enactor's delay: minutes from its freshness check to its regional write (mean)",
    yLabel: 'passes that empty the regional endpoint (%)',
    series: grid.map((row) => ({
      label: `a plan every ${row.periodMs / SECOND} s${row.periodMs === october2025.config.plannerPeriodMs ? ' (October)' : ''}`,
      points: row.points.map((p): [number, number] => [Math.round((p.meanDelayMs / MINUTE) * 10) / 10, Math.round(p.probability * 1000) / 10]),
    })),
    formatX: (x) => `${x}`,
    formatY: (y) => `${y}`,
  });
}
