import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { raceNight, tallyRaceNights, type RaceNight } from '../src/dns/race-odds.ts';
import { october2025 } from '../src/scenarios/dns.ts';

export const NIGHTS = 10_000;
export const FIRST_SEED = 1;

/** Worker threads, one per core, at most 2: the laptops the workshop runs on. */
export const raceOddsWorkers = (): number => Math.max(1, Math.min(2, availableParallelism()));

/**
 * How likely the October race is: 10,000 seeded nights of `october2025` (each cut to what
 * decides the race), split over the machine's cores with worker threads, tallied into the
 * probability that the regional endpoint goes empty, its 95% Wilson interval, and the wall
 * time. The seeds are fixed, so the figures are the same on every machine; only the time
 * changes.
 */
export async function benchRaceOdds(): Promise<Record<string, number>> {
  const started = performance.now();
  // The process's CPU time, both workers included: on a shared machine the wall time says
  // how busy the others were; this says what the nights cost.
  const cpuBefore = process.cpuUsage();
  const workers = raceOddsWorkers();
  const share = Math.ceil(NIGHTS / workers);
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, i) => nightsIn(FIRST_SEED + i * share, Math.min(FIRST_SEED + NIGHTS, FIRST_SEED + (i + 1) * share))),
  );
  const odds = tallyRaceNights(parts.flat());
  if (odds.nights !== NIGHTS) throw new Error(`race odds: ${odds.nights} nights tallied, ${NIGHTS} asked for`);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const [low, high] = odds.interval;
  return {
    'dns.raceProbability': round(odds.probability, 4),
    'dns.raceProbabilityInterval': round((high - low) / 2, 4),
    'dns.raceProbabilityLow': round(low, 4),
    'dns.raceProbabilityHigh': round(high, 4),
    'dns.pairOnlyProbability': round(odds.pairOnly / odds.nights, 4),
    'dns.wallSeconds': round(seconds, 1),
    'dns.cpuSeconds': round((cpu.user + cpu.system) / 1e6, 1),
  };
}

function nightsIn(from: number, to: number): Promise<RaceNight[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./race-odds-worker.ts', import.meta.url), { workerData: { from, to }, execArgv: [...process.execArgv] });
    worker.once('message', (nights: RaceNight[]) => resolve(nights));
    worker.once('error', (error) => {
      // Without a TypeScript loader in the worker, run the share here instead.
      if (/Unknown file extension|ERR_UNKNOWN_FILE_EXTENSION/.test(String(error))) resolve(inThread(from, to));
      else reject(error);
    });
  });
}

function inThread(from: number, to: number): RaceNight[] {
  const nights: RaceNight[] = [];
  for (let seed = from; seed < to; seed++) nights.push(raceNight(october2025, seed));
  return nights;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchRaceOdds());
}
