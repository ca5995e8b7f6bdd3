import { parentPort, workerData } from 'node:worker_threads';
import { raceNight } from '../src/dns/race-odds.ts';
import { october2025 } from '../src/scenarios/dns.ts';

/** One share of the bench's seeded nights: seeds `from` to `to` (excluded), on its own core. */
const { from, to } = workerData as { readonly from: number; readonly to: number };
const nights = [];
for (let seed = from; seed < to; seed++) nights.push(raceNight(october2025, seed));
parentPort?.postMessage(nights);
