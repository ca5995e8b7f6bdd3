import { benchEc2 } from './ec2.ts';
import { benchPct, benchRandom, benchSmallScope } from './explore.ts';
import { benchFixedEnactor } from './fixed-enactor.ts';
import { benchKernel } from './kernel.ts';
import { benchNlb } from './nlb.ts';
import { benchRegion } from './region.ts';
import { benchVsFastCheck } from './vs-fast-check.ts';
import { importOptional } from './optional.ts';

export type Results = Record<string, number>;

const SLIDES_BENCH = new URL('../../slides/bench/live.ts', import.meta.url);
const SLIDES_KEYS = ['slides.buildAllMs', 'slides.playerStepMs', 'slides.playerStepMs.smallScope', 'slides.playerBackMs', 'slides.knobRedrawMs', 'slides.knobRedrawMs.nlb', 'slides.knobRedrawMs.ec2'];

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
  { prefix: 'region', keys: ['region.wallMsFullNight', 'region.wallMsFullNight.1M'], run: benchRegion },
  { prefix: 'slides', keys: SLIDES_KEYS, run: benchSlides },
];

/** The decks' figures come from the slides package, which builds them and drives Chromium. */
async function benchSlides(): Promise<Results> {
  const run = await importOptional(SLIDES_BENCH, 'benchSlides', SLIDES_KEYS, 'issue 17');
  if (typeof run !== 'function') throw new Error('packages/slides/bench/live.ts: benchSlides is not a function');
  return (await run()) as Results;
}

/** Whether `--only <prefix>` selects this section: it is inside the prefix, or the prefix is inside it. */
export function selected(section: Section, only: string | undefined): boolean {
  return only === undefined || section.prefix.startsWith(only) || only.startsWith(`${section.prefix}.`);
}
