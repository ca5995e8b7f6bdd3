import { cpus, loadavg } from 'node:os';

/** What the machine was: speeds only mean something next to it. */
export interface Meta {
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  /** 1-minute load averages; on a shared machine a high one explains a slow figure. */
  readonly loadAverageAtStart: number;
  loadAverageAtEnd: number;
  readonly startedAt: string;
  seconds: number;
  readonly only: string | null;
}

export function machine(only: string | undefined): Meta {
  const cores = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    loadAverageAtStart: round2(loadavg()[0] ?? 0),
    loadAverageAtEnd: 0,
    startedAt: new Date().toISOString(),
    seconds: 0,
    only: only ?? null,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface Target {
  readonly atLeast?: number;
  readonly below?: number;
}

/** The figures the issues set a target for: each a measurement, which can miss it. */
export const TARGETS: Readonly<Record<string, Target>> = {
  'kernel.ratioToBareHeap': { atLeast: 0.5 },
  // The bound: a joined learner's `npm run lesson`, even with the board gone, costs under 300 ms more.
  'class.lessonOverheadMs': { below: 300 },
  'class.lessonOverheadMs.unreachable': { below: 300 },
  'explore.smallScope.msToCounterexample': { below: 20 },
  // Issue 24, "a checker as fast as SPIN": the night's real size, fixed Enactor, complete.
  'explore.realScope.ms': { below: 10_000 },
  'explore.realScope.statesPerSec': { atLeast: 400_000 },
  'explore.realScope.parallelSpeedup': { atLeast: 1.7 },
  // Rounded to three digits: at most 64 bytes.
  'explore.realScope.bytesPerState': { below: 64.5 },
  'lessons.02.realSizeStepMs': { below: 1_500 },
  'explore.random.runsPerSec': { atLeast: 2_000 },
  // Issue 23: the learner's loop and the full check, on a quiet 2-core machine.
  'workshop.startMsCached': { below: 1_500 },
  'workshop.lessonWallMsSolved': { below: 5_000 },
  'workshop.watchRerunMsSolved': { below: 3_000 },
  'workshop.lessonPeakMB': { below: 400 },
  'workshop.testColdMs': { below: 180_000 },
  // Issue 26: the replay's distribution comes from at least 200 nights racing near 23:48.
  'replay.seedsSampled': { atLeast: 200 },
  'dns.wallSeconds': { below: 30 },
  // Issue 17: a knob's night is run and drawn again within 300 ms on a 2-core laptop.
  'slides.knobRedrawMs': { below: 300 },
  'slides.knobRedrawMs.nlb': { below: 300 },
  'slides.knobRedrawMs.ec2': { below: 300 },
};

/** Each deck's size has its own key (one per deck file); issue 17 keeps every one under 800 KB. */
const DECK_KB = 'slides.deckKB.';

function targetOf(key: string): Target | undefined {
  return TARGETS[key] ?? (key.startsWith(DECK_KB) ? { below: 800 } : undefined);
}

const NOTES: Readonly<Record<string, string>> = {
  'dns.raceProbability': 'share of 10,000 seeded october2025 nights (seeds 1-10,000) whose first delayed pass empties the regional endpoint',
  'dns.raceProbabilityInterval': 'half-width of its 95% Wilson interval (low and high below)',
  'dns.raceProbabilityLow': '95% Wilson interval, low end',
  'dns.raceProbabilityHigh': '95% Wilson interval, high end',
  'dns.pairOnlyProbability': 'share whose regional endpoint and IPv6 twin, and nothing else, go empty (the October shape)',
  'dns.wallSeconds': 'wall time for all the nights (grows with whatever else the machine runs)',
  'dns.cpuSeconds': 'CPU time the nights took, all workers together: on an idle machine the wall time is about this ÷ the workers',
  'dns.raceShareOfNights': "share of configured october2025Region nights (seeds 1-400, each DNS night run to the 02:25 repair) whose regional endpoint goes empty: per night, not per pass",
  'dns.nightsCountedForRaceShare': 'seeds whose DNS night was run to the repair for dns.raceShareOfNights',
  'replay.seedsSampled': "nights of seeds 1-4,000 whose race falls within 10 minutes of 23:48, each run whole: the distribution plain npm run replay prints",
  'replay.seedsTried': 'seeds whose DNS night was run (to 23:58, or to the repair for the first 400)',
  'replay.distributionMs': "wall time for the default replay's distribution, computed on its threads (not its kept copy; grows with whatever else the machine runs)",
  'replay.distributionCpuMs': 'CPU time it took, all threads together: on an idle machine the wall time is about this ÷ the threads',
  'kernel.eventsPerSec': 'Kernel at/after/runUntil: each event schedules one follow-up (LCG delay), 3,000 pending',
  'kernel.bareHeapEventsPerSec': 'the same pushes and pops on a bare typed-array heap, same run',
  'kernel.ratioToBareHeap': 'kernel ÷ bare heap, median of 15 alternating pairs',
  'explore.smallScope.states': 'BFS states until the regional endpoint empties (2 Enactors, 5 plans, threshold 2)',
  'explore.smallScope.counterexampleSteps': 'steps in the shortest counterexample',
  'explore.smallScope.msToCounterexample': 'warm, median of 7, counterexample shrunk and explained',
  'explore.realScope.bytesPerState': 'visited set: 64-bit fingerprints (hash compaction), trails, table, widest frontier',
  'lessons.02.realSizeStepMs': "lesson 02 step 9's search (3 Enactors, 2 endpoints, 4 plans), the solution's Enactor, median of 3",
  'lessons.02.realSizeStates': "states of lesson 02 step 9's search",
  'explore.smallScope.msFullFixed': "every state, every invariant, lesson 02's fixed Enactor; warm, median of 5",
  'explore.smallScope.fixedStates': "states of the fixed Enactor's complete check",
  'explore.smallScope.fixedViolations': 'invariant violations the fixed Enactor allows (should be 0)',
  'explore.random.runsPerSec': 'october2025 topology (3 Enactors, 4 endpoints, 8 plans), every invariant every step',
  'explore.random.seedsToFirstViolation': 'seeds until the regional endpoint empties, median of 20 batches',
  'explore.random.found': 'share of batches that found it within 1,000 seeds',
  'explore.pct.seedsToFirstViolation': 'PCT depth 3, median of 20 batches; a batch that finds nothing counts its budget',
  'explore.pct.found': 'share of PCT depth-3 batches that found it',
  'explore.pct.depth5.seedsToFirstViolation': 'PCT depth 5, same batches',
  'explore.pct.depth5.found': 'share of PCT depth-5 batches that found it',
  'explore.vsFastCheck.runsToFind': 'fast-check fc.scheduler() runs to the race, median of 100 seeds',
  'explore.vsFastCheck.found': 'share of fast-check seeds that found it within 1,000 runs',
  'explore.vsFastCheck.oursRunsToFind': 'ours, random scheduler, same 2 Enactors/5 plans/threshold 2, median of 100 batches',
  'explore.vsFastCheck.runsToFindRatio': 'fast-check ÷ ours (both uniform random: ~1 means the same search)',
  'explore.vsFastCheck.runsPerSec': 'fast-check runs per second, each schedule run to its end',
  'explore.vsFastCheck.oursRunsPerSec': 'ours on the same configuration, same run',
  'explore.vsFastCheck.runsPerSecRatio': 'ours ÷ fast-check, median of 5 alternating pairs',
  'explore.vsFastCheck.raceRate': 'share of fast-check runs that empty the endpoint',
  'explore.vsFastCheck.oursRaceRate': 'share of our runs that empty it (the same mechanism: should match within sampling noise)',
  'nlb.simHoursPerSec': '9-hour October NLB night, 3 AZs × 1,000 targets, best of 5',
  'ec2.wallMsPerSimHour.10k': 'October EC2 night, 10,000 droplets, best of 5',
  'ec2.wallMsPerSimHour.100k': '100,000 droplets',
  'ec2.wallMsPerSimHour.1M': '1,000,000 droplets',
  'ec2.peakMemoryMB.1M': 'heap + array buffers while 1,000,000 droplets run',
  'region.wallMsFullNight': 'the whole night in the Region (DNS, DynamoDB clients, EC2, NLB), 10,000 droplets, best of 3',
  'region.wallMsFullNight.1M': 'the same night with 1,000,000 droplets',
  'workshop.startMsCached': '`npm start` on a solved copy of the repository, nothing changed since the last one, whole process, median of 3',
  'workshop.lessonWallMsSolved': '`npm run lesson -- NN` on a solved copy, whole process: the slowest lesson, each the median of 2 (one key per lesson below)',
  'workshop.lessonWallMsStarter': '`npm run lesson -- NN` on a fresh copy (the starters), whole process, median of 2, one key per lesson',
  'workshop.lessonPeakMB': 'peak resident memory of a lesson run, its whole process tree, the largest of every lesson on either copy',
  'workshop.watchRerunMsSolved': 'save to verdict in `lesson 02 --watch` on the solved copy, warm, median of 3 saves',
  'workshop.testColdMs': 'a cold `npm test` (Turbo cache bypassed), whole process',
  'workshop.testLongColdMs': 'a cold `npm run test:long`, whole process',
  'slides.buildAllMs': 'every deck rendered, its simulator diagrams and widget frames included, in this process',
  'slides.playerStepMs': "headless Chromium, the October night's player: Step pressed (step, draw, hash), median of 50",
  'slides.playerStepMs.smallScope': "the small scope's player, median of 10",
  'slides.playerBackMs': 'Back on the October night: replays from the seed to the step before, median of 3',
  'slides.knobRedrawMs': 'slider moved to the new chart on screen, median of all 14 settings below',
  'slides.knobRedrawMs.nlb': "lesson 03's NLB night, 7 settings of floor, budget and window",
  'slides.knobRedrawMs.ec2': "lesson 04's EC2 night, 7 settings of queueShare",
};

/** The inputs of a scope, one line: `enactors 3 · endpoints 2 · plans 6 · workers 2`. */
const inputsText = (inputs: Readonly<Record<string, number>>): string =>
  Object.entries(inputs).map(([name, value]) => `${name} ${value.toLocaleString('en-US')}`).join(' · ');

function targetText(target: Target): string {
  return target.atLeast !== undefined ? `≥ ${target.atLeast.toLocaleString('en-US')}` : `< ${(target.below ?? 0).toLocaleString('en-US')}`;
}

export function targetMet(target: Target, value: number): boolean {
  return (target.atLeast === undefined || value >= target.atLeast) && (target.below === undefined || value < target.below);
}

/** One line of the report, in the order the sections ran. */
export type Entry =
  | { readonly key: string; readonly value: number }
  /** A scope's inputs (sizes, seeds, budgets, threads), before its figures: configuration, not measurement. */
  | { readonly key: string; readonly inputs: Readonly<Record<string, number>> }
  /** An expected figure whose code is not in the tree yet, and why. */
  | { readonly key: string; readonly missing: string }
  /** A section that threw: its prefix and the error. */
  | { readonly key: string; readonly failed: string };

export interface Report {
  readonly meta: Meta;
  readonly entries: readonly Entry[];
}

/** One JSON object: `meta`, each scope's inputs, every figure under its dotted key, then targets, missing and failed. */
export function toJson(report: Report): string {
  const inputs: Record<string, Readonly<Record<string, number>>> = {};
  const results: Record<string, number> = {};
  const missing: Record<string, string> = {};
  const failed: Record<string, string> = {};
  for (const entry of report.entries) {
    if ('value' in entry) results[entry.key] = entry.value;
    else if ('inputs' in entry) inputs[entry.key] = entry.inputs;
    else if ('missing' in entry) missing[entry.key] = entry.missing;
    else failed[entry.key] = entry.failed;
  }
  const targets: Record<string, { target: string; met: boolean }> = {};
  for (const [key, value] of Object.entries(results)) {
    const target = targetOf(key);
    if (target !== undefined) targets[key] = { target: targetText(target), met: targetMet(target, value) };
  }
  return JSON.stringify({ meta: report.meta, inputs, ...results, targets, missing, failed }, null, 2);
}

function row(entry: Entry): [string, string, string] {
  if ('inputs' in entry) return [entry.key, '', `inputs: ${inputsText(entry.inputs)}`];
  if ('missing' in entry) return [entry.key, 'missing', entry.missing];
  if ('failed' in entry) return [entry.key, 'FAILED', entry.failed];
  const target = targetOf(entry.key);
  const verdict = target === undefined ? '' : `${targetMet(target, entry.value) ? '✓' : '✗'} target ${targetText(target)}; `;
  const note = NOTES[entry.key] ?? (entry.key.startsWith(DECK_KB) ? 'KB of the one HTML file, everything inline' : '');
  return [entry.key, entry.value.toLocaleString('en-US'), `${verdict}${note}`];
}

/** The readable table: one line per figure, grouped by area, with what it measures and any target. */
export function toTable(report: Report): string {
  const { meta } = report;
  const rows = report.entries.map(row);
  const keyWidth = Math.max(6, ...rows.map((r) => r[0].length));
  const valueWidth = Math.max(5, ...rows.map((r) => r[1].length));
  const lines = [
    `Outage Lab benchmarks · node ${meta.node} · ${meta.platform} · ${meta.cpus} CPUs (${meta.cpuModel})`,
    `load average ${meta.loadAverageAtStart} at start, ${meta.loadAverageAtEnd} at end · ${meta.startedAt} · ${meta.seconds} s`,
    '',
    `${'figure'.padEnd(keyWidth)}  ${'value'.padStart(valueWidth)}  what`,
  ];
  let area = '';
  for (const [key, value, note] of rows) {
    const group = key.split('.')[0] ?? '';
    if (group !== area && area !== '') lines.push('');
    area = group;
    lines.push(`${key.padEnd(keyWidth)}  ${value.padStart(valueWidth)}  ${note}`.trimEnd());
  }
  return lines.join('\n');
}
