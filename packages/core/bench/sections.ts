import { benchEc2 } from './ec2.ts';
import { benchPct, benchRandom, benchSmallScope } from './explore.ts';
import { benchFixedEnactor } from './fixed-enactor.ts';
import { benchKernel } from './kernel.ts';
import { benchNlb } from './nlb.ts';
import { importOptional } from './optional.ts';
import { benchRaceOdds } from './race-odds.ts';
import { benchRegion } from './region.ts';
import { benchVsFastCheck } from './vs-fast-check.ts';

export type Results = Record<string, number>;

const CLASS_OVERHEAD_KEYS = ['class.lessonOverheadMs', 'class.lessonOverheadMs.unreachable'];

/** One part of the bench: the prefix its keys share, the keys it must produce, and how to run it. */
export interface Section {
  readonly prefix: string;
  readonly keys: readonly string[];
  readonly run: () => Promise<Results>;
}

/**
 * In the order they run. EC2 goes first: its peak-memory figure is the whole process's
 * heap, and run after the others it counted their garbage too (20 MB alone, up to 68 MB last).
 */
export const SECTIONS: readonly Section[] = [
  { prefix: 'ec2', keys: ['ec2.wallMsPerSimHour.10k', 'ec2.wallMsPerSimHour.100k', 'ec2.wallMsPerSimHour.1M', 'ec2.peakMemoryMB.1M'], run: benchEc2 },
  { prefix: 'kernel', keys: ['kernel.eventsPerSec', 'kernel.ratioToBareHeap'], run: benchKernel },
  { prefix: 'explore.smallScope', keys: ['explore.smallScope.states', 'explore.smallScope.msToCounterexample'], run: benchSmallScope },
  { prefix: 'explore.smallScope.msFullFixed', keys: ['explore.smallScope.msFullFixed'], run: benchFixedEnactor },
  { prefix: 'explore.random', keys: ['explore.random.runsPerSec', 'explore.random.seedsToFirstViolation'], run: benchRandom },
  { prefix: 'explore.pct', keys: ['explore.pct.seedsToFirstViolation'], run: benchPct },
  {
    prefix: 'explore.vsFastCheck',
    keys: ['explore.vsFastCheck.runsToFind', 'explore.vsFastCheck.runsPerSec', 'explore.vsFastCheck.runsToFindRatio', 'explore.vsFastCheck.runsPerSecRatio'],
    run: benchVsFastCheck,
  },
  { prefix: 'nlb', keys: ['nlb.simHoursPerSec'], run: benchNlb },
  { prefix: 'dns', keys: ['dns.raceProbability', 'dns.raceProbabilityInterval', 'dns.nightsSampled', 'dns.wallSeconds'], run: benchRaceOdds },
  { prefix: 'region', keys: ['region.wallMsFullNight', 'region.wallMsFullNight.1M'], run: benchRegion },
  // The class board's figures live with their packages, which core must not import: loaded by path.
  { prefix: 'class.verdictsPerSec', keys: ['class.verdictsPerSec'], run: classBench('../../class/bench/intake.ts', 'benchIntake', ['class.verdictsPerSec']) },
  {
    prefix: 'class.lessonOverheadMs',
    keys: CLASS_OVERHEAD_KEYS,
    run: classBench('../../workshop/bench/class-overhead.ts', 'benchLessonOverhead', CLASS_OVERHEAD_KEYS),
  },
];

function classBench(path: string, name: string, keys: readonly string[]): () => Promise<Results> {
  return async () => {
    const run = (await importOptional(new URL(path, import.meta.url), name, keys, 'issue 18')) as () => Promise<Results>;
    return run();
  };
}

/** Whether `--only <prefix>` selects this section: it is inside the prefix, or the prefix is inside it. */
export function selected(section: Section, only: string | undefined): boolean {
  return only === undefined || section.prefix.startsWith(only) || only.startsWith(`${section.prefix}.`);
}
