import { DISTRIBUTION_INPUTS, benchDistribution } from '@outage-lab/core/bench/distribution.ts';
import { benchEc2 } from '@outage-lab/core/bench/ec2.ts';
import { BATCHES, benchPct, benchRandom, benchSmallScope, PCT_BUDGET, RANDOM_BUDGET } from '@outage-lab/core/bench/explore.ts';
import { benchKernel } from '@outage-lab/core/bench/kernel.ts';
import { benchNlb } from '@outage-lab/core/bench/nlb.ts';
import { benchRaceOdds, FIRST_SEED, NIGHTS, raceOddsWorkers } from '@outage-lab/core/bench/race-odds.ts';
import { benchRegion } from '@outage-lab/core/bench/region.ts';
import { benchVsFastCheck } from '@outage-lab/core/bench/vs-fast-check.ts';
import { benchFixedEnactor } from '@outage-lab/course/bench/fixed-enactor.ts';
import { benchLesson02RealSize } from '@outage-lab/course/bench/lesson-02.ts';
import { REAL_SCOPE } from '@outage-lab/core/search';
import { benchRealScope, benchSymmetry, WORKERS } from '@outage-lab/course/bench/real-scope.ts';
import { SLIDES_KEYS, benchSlides } from '@outage-lab/course/bench/live.ts';
import { benchIntake } from '@outage-lab/class/bench/intake.ts';
import { benchLessonOverhead } from '@outage-lab/workshop/bench/class-overhead.ts';
import { benchWorkshop } from '@outage-lab/workshop/bench/workshop.ts';

export type Results = Record<string, number>;

const CLASS_OVERHEAD_KEYS = ['class.lessonOverheadMs', 'class.lessonOverheadMs.unreachable'];

/**
 * One part of the bench: the prefix its keys share, what it is given, the keys it must
 * measure, and how to run it. `run` is told which keys `--only` wants, so a long section
 * can skip the figures nobody asked for (the workshop's cold test runs, when only the
 * lessons are wanted).
 */
export interface Section {
  readonly prefix: string;
  /**
   * The scope it runs at: sizes, seeds, budgets, threads. Printed once as configuration,
   * never as a figure: a constant beside the measurements reads as one, and a target on it
   * could never be missed.
   */
  readonly inputs?: Readonly<Record<string, number>>;
  readonly keys: readonly string[];
  readonly run: (wanted: (key: string) => boolean) => Promise<Results>;
}

/**
 * The one registry of every package's bench sections: each package keeps its sections in
 * its own bench/ folder, and this package, which may depend on all of them, runs them.
 * In the order they run. EC2 goes first: its peak-memory figure is the whole process's
 * heap, and run after the others it counted their garbage too (20 MB alone, up to 68 MB last).
 */
export const SECTIONS: readonly Section[] = [
  { prefix: 'ec2', keys: ['ec2.wallMsPerSimHour.10k', 'ec2.wallMsPerSimHour.100k', 'ec2.wallMsPerSimHour.1M', 'ec2.peakMemoryMB.1M'], run: benchEc2 },
  { prefix: 'kernel', keys: ['kernel.eventsPerSec', 'kernel.ratioToBareHeap'], run: benchKernel },
  { prefix: 'explore.smallScope', keys: ['explore.smallScope.states', 'explore.smallScope.msToCounterexample'], run: benchSmallScope },
  { prefix: 'explore.smallScope.msFullFixed', keys: ['explore.smallScope.msFullFixed'], run: benchFixedEnactor },
  {
    prefix: 'explore.realScope',
    inputs: { enactors: REAL_SCOPE.enactors, endpoints: REAL_SCOPE.endpoints, plans: REAL_SCOPE.plans, workers: WORKERS },
    keys: ['explore.realScope.states', 'explore.realScope.ms', 'explore.realScope.statesPerSec', 'explore.realScope.parallelSpeedup', 'explore.realScope.bytesPerState'],
    run: benchRealScope,
  },
  { prefix: 'lessons.02', keys: ['lessons.02.realSizeStepMs'], run: benchLesson02RealSize },
  { prefix: 'explore.symmetry', keys: ['explore.symmetry.reduction'], run: benchSymmetry },
  { prefix: 'explore.random', inputs: { batches: BATCHES, budget: RANDOM_BUDGET }, keys: ['explore.random.runsPerSec', 'explore.random.seedsToFirstViolation'], run: benchRandom },
  { prefix: 'explore.pct', inputs: { batches: BATCHES, budget: PCT_BUDGET }, keys: ['explore.pct.seedsToFirstViolation'], run: benchPct },
  {
    prefix: 'explore.vsFastCheck',
    keys: ['explore.vsFastCheck.runsToFind', 'explore.vsFastCheck.runsPerSec', 'explore.vsFastCheck.runsToFindRatio', 'explore.vsFastCheck.runsPerSecRatio'],
    run: benchVsFastCheck,
  },
  { prefix: 'nlb', keys: ['nlb.simHoursPerSec'], run: benchNlb },
  {
    prefix: 'dns',
    inputs: { nights: NIGHTS, firstSeed: FIRST_SEED, workers: raceOddsWorkers() },
    keys: ['dns.raceProbability', 'dns.raceProbabilityInterval', 'dns.wallSeconds', 'dns.cpuSeconds'],
    run: benchRaceOdds,
  },
  { prefix: 'region', keys: ['region.wallMsFullNight', 'region.wallMsFullNight.1M'], run: benchRegion },
  // The replay's distribution: thousands of DNS nights and 200+ whole ones, minutes on two threads.
  { prefix: 'dns.raceShareOfNights', keys: ['dns.raceShareOfNights', 'dns.nightsCountedForRaceShare'], run: only(benchDistribution, 'dns.') },
  { prefix: 'replay', inputs: DISTRIBUTION_INPUTS, keys: ['replay.seedsSampled', 'replay.seedsTried', 'replay.distributionMs', 'replay.distributionCpuMs'], run: only(benchDistribution, 'replay.') },
  { prefix: 'slides', keys: SLIDES_KEYS, run: benchSlides },
  { prefix: 'class.verdictsPerSec', keys: ['class.verdictsPerSec'], run: benchIntake },
  { prefix: 'class.lessonOverheadMs', keys: CLASS_OVERHEAD_KEYS, run: benchLessonOverhead },
  // Last: whole processes, and a cold `npm test` of several minutes.
  { prefix: 'workshop', keys: ['workshop.startMsCached', 'workshop.lessonWallMsSolved', 'workshop.lessonPeakMB', 'workshop.watchRerunMsSolved', 'workshop.testColdMs', 'workshop.testLongColdMs'], run: benchWorkshop },
];

/** One shared run's figures, only those whose key starts with `prefix`. */
function only(run: () => Promise<Results>, prefix: string): () => Promise<Results> {
  return async () => Object.fromEntries(Object.entries(await run()).filter(([key]) => key.startsWith(prefix)));
}

/** Whether `--only <prefix>` selects this section: it is inside the prefix, or the prefix is inside it. */
export function selected(section: Section, only: string | undefined): boolean {
  return only === undefined || section.prefix.startsWith(only) || only.startsWith(`${section.prefix}.`);
}
