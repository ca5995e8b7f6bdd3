import type { DnsObservation, DnsScenario, ExhaustiveResult, Invariant } from '@outage-lab/core';
import { dnsSearchRecipe, exploreInParallel, omissionProbability, type DnsSearchArgs, type ExhaustiveProgress, type SearchWatch } from '@outage-lab/core/search';
import { SEARCH_STEP_STUCK_MS } from '../time-budgets.ts';

/**
 * The exhaustive search as the command line runs it: a progress line (states, depth,
 * states per second, memory) while it runs, and on Ctrl-C a clean stop that says what
 * was covered. Everything that touches the process (the clock, signals, the terminal)
 * comes in through `SearchEnv`, so tests can drive it; core never reads real time.
 */

export interface SearchFlags {
  readonly invariants: readonly Invariant<DnsObservation>[];
  /** 0: one search, sequential; N: N worker threads. */
  readonly workers: number;
  readonly maxStates: number;
  readonly symmetry: boolean;
  /** The Enactor's module (file:// URL), for worker threads to load; the faithful Enactor when absent. */
  readonly enactorModule?: string;
  /** That module as the learner named it, for the line that names a step that never returns. */
  readonly enactorPath?: string;
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
  /** Calls `check` every `ms` of real time until the returned function is called. */
  readonly every: (ms: number, check: () => void) => () => void;
}

/** A step of the searched Enactor that never gave control back: the search was stopped. */
export class StuckStep extends Error {}

/** How often the watchdog reads the workers' beacons. */
const WATCH_EVERY_MS = 250;

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
    every(ms, check) {
      const timer = setInterval(check, ms);
      return () => clearInterval(timer);
    },
  };
}

export function progressLine(p: ExhaustiveProgress, ms: number, memoryMB: number): string {
  const rate = Math.round(p.states / Math.max(ms / 1000, 1e-3));
  return `explore: ${p.states.toLocaleString('en')} states, depth ${p.depth}, ${rate.toLocaleString('en')} states/s, ${memoryMB} MB`;
}

/** Runs the search; returns its result and how long it took. */
export async function runSearch(scenario: DnsScenario, flags: SearchFlags, env: SearchEnv): Promise<{ result: ExhaustiveResult; ms: number }> {
  const started = env.now();
  let interrupted = false;
  // No line for a search shorter than one interval: only a long one needs telling it is alive.
  let lastLine = started;
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
  let stopWatching = (): void => undefined;
  const common = { stopAtFirst: true, maxStates: flags.maxStates, symmetry: flags.symmetry, onProgress: progress, shouldStop: () => interrupted };
  try {
    // Even the sequential search runs on a worker thread: a step that never returns would
    // freeze this one, and nothing could then say which step it was.
    const result = await exploreInParallel(
      dnsSearchRecipe(recipeArgs(scenario, flags)),
      { ...common, workers: Math.max(1, flags.workers), onStart: (watch) => (stopWatching = watchSteps(watch, flags, env)) },
    );
    return { result, ms: env.now() - started };
  } finally {
    stopWatching();
    stopListening();
    if (env.tty && shown) env.status(CLEAR);
  }
}

/**
 * Stops the search when a worker has been inside one step for `SEARCH_STEP_STUCK_MS`: a
 * step is one call of an Enactor's method and takes microseconds, so one that long is a
 * loop that will not end. Counted in the watchdog's own ticks, not by the progress clock.
 */
function watchSteps(watch: SearchWatch, flags: SearchFlags, env: SearchEnv): () => void {
  const patience = Math.ceil(SEARCH_STEP_STUCK_MS / WATCH_EVERY_MS);
  const seen = watch.workers().map(() => ({ steps: -1, ticks: 0 }));
  const stop = env.every(WATCH_EVERY_MS, () => {
    watch.workers().forEach((now, i) => {
      const before = seen[i];
      if (before === undefined) return;
      if (!now.inStep || now.steps !== before.steps) {
        seen[i] = { steps: now.steps, ticks: 0 };
        return;
      }
      if (++before.ticks < patience) return;
      stop();
      const file = flags.enactorPath ?? 'the faithful Enactor';
      watch.abort(new StuckStep(`explore: ${now.actor}'s ${now.step} step (${file}) has not returned after ${SEARCH_STEP_STUCK_MS / 1000} s: it never ends, so the search stopped`));
    });
  });
  return stop;
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
  const how = `${flags.workers === 0 ? 'sequential' : `on ${flags.workers} worker thread${flags.workers === 1 ? '' : 's'}`}, symmetry ${flags.symmetry ? 'on' : 'off'}`;
  // The visited set keeps 64-bit fingerprints (hash compaction): say what that risks.
  const perState = result.bytes === 0 ? '' : `, ${Math.round(result.bytes / Math.max(1, result.states))} B/state, chance a state was missed ${omissionProbability(result.states).toExponential(0)}`;
  const lines = [
    `${scenario.name}: ${result.states.toLocaleString('en')} states to depth ${result.depth}, ${result.transitions.toLocaleString('en')} transitions in ${(ms / 1000).toFixed(1)} s (${rate.toLocaleString('en')} states/s${perState}, ${how})${result.complete ? ' (complete)' : ''}`,
  ];
  const covered = `every state up to depth ${Math.max(0, result.depth - 1)} was covered, and none broke an invariant; the search is incomplete`;
  if (result.stoppedBy === 'interrupted') lines.push(`interrupted: ${covered}`);
  if (result.stoppedBy === 'max-states') lines.push(`stopped at --max-states: ${covered}`);
  if (result.stoppedBy === 'complete') lines.push('no invariant broke');
  return lines;
}
