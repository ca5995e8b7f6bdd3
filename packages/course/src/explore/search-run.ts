import type { DnsModel, DnsObservation, DnsScenario, ExhaustiveResult, Invariant } from '@outage-lab/core';
import { DNS_SEARCH_MODULE, exploreExhaustivelyAsync, exploreInParallel, type DnsSearchArgs, type ExhaustiveProgress } from '@outage-lab/core/search';

/**
 * The exhaustive search as the command line runs it: a progress line (states, depth,
 * states per second, memory) while it runs, and on Ctrl-C a clean stop that says what
 * was covered. Everything that touches the process (the clock, signals, the terminal)
 * comes in through `SearchEnv`, so tests can drive it; core never reads real time.
 */

export interface SearchFlags {
  readonly invariants: readonly Invariant<DnsObservation>[];
  /** 0: in this thread; N: N worker threads. */
  readonly workers: number;
  readonly maxStates: number;
  readonly symmetry: boolean;
  /** The Enactor's module (file:// URL), for worker threads to load; the faithful Enactor when absent. */
  readonly enactorModule?: string;
}

export interface SearchEnv {
  /** Milliseconds on a real clock, for states per second. */
  readonly now: () => number;
  /** Writes the progress line; on a terminal it is rewritten in place. */
  readonly status: (line: string) => void;
  readonly tty: boolean;
  readonly memoryMB: () => number;
  /** Calls `handler` on Ctrl-C; returns how to stop listening. */
  readonly onInterrupt: (handler: () => void) => () => void;
  /** Yields to the event loop, so a Ctrl-C is heard while the search runs in this thread. */
  readonly pause: () => Promise<void>;
}

/** Exit code of a search stopped by Ctrl-C, as shells expect (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
const CLEAR = '\r\u001b[2K';

export function processSearchEnv(): SearchEnv {
  return {
    now: () => performance.now(),
    status: (line) => void process.stderr.write(line),
    tty: process.stderr.isTTY === true,
    memoryMB: () => Math.round(process.memoryUsage().rss / (1024 * 1024)),
    onInterrupt(handler) {
      let heard = false;
      const listener = (): void => {
        // A second Ctrl-C means "now": the learner should never have to kill the terminal.
        if (heard) process.exit(EXIT_INTERRUPTED);
        heard = true;
        process.stderr.write('\nexplore: stopping at the end of this step of the search (Ctrl-C again to quit at once)…\n');
        handler();
      };
      process.on('SIGINT', listener);
      return () => void process.off('SIGINT', listener);
    },
    pause: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

export function progressLine(p: ExhaustiveProgress, ms: number, memoryMB: number): string {
  const rate = Math.round(p.states / Math.max(ms / 1000, 1e-3));
  return `explore: ${p.states.toLocaleString('en')} states, depth ${p.depth}, ${rate.toLocaleString('en')} states/s, ${memoryMB} MB`;
}

/** Runs the search; returns its result and how long it took. */
export async function runSearch(scenario: DnsScenario, model: DnsModel, flags: SearchFlags, env: SearchEnv): Promise<{ result: ExhaustiveResult; ms: number }> {
  const started = env.now();
  let interrupted = false;
  let lastLine = Number.NEGATIVE_INFINITY;
  let shown = false;
  // A terminal gets a live line; a log (CI, a pipe) one line every few seconds.
  const every = env.tty ? 250 : 5000;
  const progress = (p: ExhaustiveProgress): void => {
    const now = env.now();
    if (now - lastLine < every) return;
    lastLine = now;
    shown = true;
    env.status(`${env.tty ? CLEAR : ''}${progressLine(p, now - started, env.memoryMB())}${env.tty ? '' : '\n'}`);
  };
  const stopListening = env.onInterrupt(() => {
    interrupted = true;
  });
  const common = { stopAtFirst: true, maxStates: flags.maxStates, symmetry: flags.symmetry, onProgress: progress, shouldStop: () => interrupted };
  try {
    const result =
      flags.workers === 0
        ? await exploreExhaustivelyAsync(model, { ...common, invariants: flags.invariants, pause: env.pause })
        : await exploreInParallel({ module: DNS_SEARCH_MODULE, export: 'dnsSearch', args: recipeArgs(scenario, flags) }, { ...common, workers: flags.workers });
    return { result, ms: env.now() - started };
  } finally {
    stopListening();
    if (env.tty && shown) env.status(CLEAR);
  }
}

function recipeArgs(scenario: DnsScenario, flags: SearchFlags): DnsSearchArgs {
  return {
    config: scenario.config,
    name: scenario.name,
    invariants: flags.invariants.map((i) => i.name),
    ...(flags.enactorModule === undefined ? {} : { enactorModule: flags.enactorModule }),
  };
}

/** What the search covered, in words: the first line of its report, and the verdict when nothing broke. */
export function describeSearch(scenario: DnsScenario, flags: SearchFlags, result: ExhaustiveResult, ms: number): string[] {
  const rate = Math.round(result.states / Math.max(ms / 1000, 1e-3));
  const how = `${flags.workers === 0 ? 'in this thread' : `on ${flags.workers} worker thread${flags.workers === 1 ? '' : 's'}`}, symmetry ${flags.symmetry ? 'on' : 'off'}`;
  const perState = result.bytes === 0 ? '' : `, ${Math.round(result.bytes / Math.max(1, result.states))} B/state`;
  const lines = [
    `${scenario.name}: ${result.states.toLocaleString('en')} states to depth ${result.depth}, ${result.transitions.toLocaleString('en')} transitions in ${(ms / 1000).toFixed(1)} s (${rate.toLocaleString('en')} states/s${perState}, ${how})${result.complete ? ' (complete)' : ''}`,
  ];
  const covered = `every state up to depth ${Math.max(0, result.depth - 1)} was covered, and none broke an invariant; the search is incomplete`;
  if (result.stoppedBy === 'interrupted') lines.push(`interrupted: ${covered}`);
  if (result.stoppedBy === 'max-states') lines.push(`stopped at --max-states: ${covered}`);
  if (result.stoppedBy === 'complete') lines.push('no invariant broke');
  return lines;
}
