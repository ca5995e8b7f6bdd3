import { REGIONAL_ENDPOINT } from '../dns/config.ts';
import { createDnsModel } from '../dns/model.ts';
import { october2025 } from '../scenarios/dns.ts';
import type { TraceStep } from '../sim/model.ts';
import { runModel } from '../sim/run.ts';

/** What a resolver sees of the regional endpoint after one step. */
export interface RegionalView {
  readonly time: number;
  readonly generation: number | null;
  readonly setExists: boolean;
  readonly answers: number;
}

export interface RegionalRun {
  readonly seed: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly trace: readonly TraceStep[];
  /** Before any step. */
  readonly initial: RegionalView;
  /** `after[i]` is the view right after `trace[i]`. */
  readonly after: readonly RegionalView[];
}

let last: RegionalRun | null = null;

/**
 * The october2025 DNS scenario with the given seed, watching the regional endpoint.
 * Two diagrams draw from the same run, so the last one is kept.
 */
export function regionalRun(seed: number): RegionalRun {
  if (last !== null && last.seed === seed) return last;
  const views: RegionalView[] = [];
  const result = runModel(createDnsModel(october2025.config), {
    seed,
    untilMs: october2025.untilMs,
    onStep: (_step, observed) => {
      const view = observed.endpoints.find((e) => e.name === REGIONAL_ENDPOINT);
      views.push({ time: observed.time, generation: view?.activeGeneration ?? null, setExists: view?.activeSetExists ?? false, answers: view?.answers.length ?? 0 });
    },
  });
  const [initial, ...after] = views;
  if (initial === undefined) throw new Error('october2025: the run observed nothing');
  last = { seed, startMs: october2025.config.startMs, endMs: result.endTime, trace: result.trace, initial, after };
  return last;
}
