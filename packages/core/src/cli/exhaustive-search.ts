import { formatCounterexample } from '../sim/counterexample.ts';
import { exploreExhaustivelyAsync, type ExhaustiveProgress, type ExhaustiveResult } from '../sim/exhaustive.ts';
import type { Invariant } from '../sim/model.ts';
import { exploreInParallel } from '../sim/parallel.ts';
import type { DnsModel } from '../dns/model.ts';
import type { DnsObservation } from '../dns/observe.ts';
import type { DnsScenario } from '../scenarios/dns-scenario.ts';

export interface SearchFlags {
  readonly invariants: readonly Invariant<DnsObservation>[];
  /** 0: in this thread; N: N worker threads. */
  readonly workers: number;
  readonly maxStates: number;
  readonly symmetry: boolean;
  /** The Enactor's module (file:// URL), for the worker threads to load; the faithful Enactor when absent. */
  readonly enactorModule?: string;
  /**
   * Milliseconds from some fixed point, for states per second. Core's sources never read
   * the clock (the determinism test holds them to it); the command that runs this passes one.
   */
  readonly clock?: () => number;
}

const MB = 1024 * 1024;

/**
 * The exhaustive search from the command line: a progress line on stderr (states, depth,
 * states per second, memory) while it runs, and on Ctrl-C a clean stop that says what
 * was covered. Exit code 130 when interrupted, as shells expect.
 */
export async function exhaustiveSearch(scenario: DnsScenario, model: DnsModel, flags: SearchFlags): Promise<number> {
  const clock = flags.clock ?? (() => 0);
  const started = clock();
  let interrupted = false;
  let lastLine = 0;
  const tty = process.stderr.isTTY === true;
  const onSigint = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nexplore: stopping (Ctrl-C again to quit at once)…\n');
  };
  process.on('SIGINT', onSigint);
  const progress = (p: ExhaustiveProgress): void => {
    const now = clock();
    if (flags.clock !== undefined && now - lastLine < (tty ? 250 : 5000)) return;
    lastLine = now;
    process.stderr.write(`${tty ? '\r\u001b[2K' : ''}${progressLine(p, now - started)}${tty ? '' : '\n'}`);
  };
  const common = { stopAtFirst: true, maxStates: flags.maxStates, symmetry: flags.symmetry, onProgress: progress, shouldStop: () => interrupted };
  let result: ExhaustiveResult;
  try {
    result =
      flags.workers === 0
        ? await exploreExhaustivelyAsync(model, { ...common, invariants: flags.invariants, pause: () => new Promise((resolve) => setImmediate(resolve)) })
        : await exploreInParallel(
            {
              module: new URL('../scenarios/dns-search.ts', import.meta.url).href,
              export: 'dnsSearch',
              args: {
                config: scenario.config,
                name: scenario.name,
                invariants: flags.invariants.map((i) => i.name),
                ...(flags.enactorModule === undefined ? {} : { enactorModule: flags.enactorModule }),
              },
            },
            { ...common, workers: flags.workers },
          );
  } finally {
    process.off('SIGINT', onSigint);
  }
  const ms = clock() - started;
  if (tty && lastLine > 0) process.stderr.write('\r\u001b[2K');
  const rate = ms > 0 ? `, ${Math.round(result.states / (ms / 1000)).toLocaleString('en')} states/s` : '';
  const time = ms > 0 ? ` in ${(ms / 1000).toFixed(1)} s` : '';
  const how = `${flags.workers === 0 ? 'in this thread' : `on ${flags.workers} worker thread${flags.workers === 1 ? '' : 's'}`}, symmetry ${flags.symmetry ? 'on' : 'off'}`;
  console.log(
    `${scenario.name}: ${result.states.toLocaleString('en')} states to depth ${result.depth}, ${result.transitions.toLocaleString('en')} transitions${time} (${Math.round(result.bytes / Math.max(1, result.states))} B/state${rate}, ${how})`,
  );
  switch (result.stoppedBy) {
    case 'complete':
      console.log('complete: every reachable state was explored, and no invariant broke');
      return 0;
    case 'interrupted':
      console.log(`interrupted: every state up to depth ${Math.max(0, result.depth - 1)} was covered, and none broke an invariant; the search is incomplete`);
      return 130;
    case 'max-states':
      console.log(`stopped at --max-states: every state up to depth ${Math.max(0, result.depth - 1)} was covered, and none broke an invariant; the search is incomplete`);
      return 0;
    case 'violation':
      console.log(result.counterexample === null ? 'a violation was found but could not be replayed' : formatCounterexample(result.counterexample));
      return 0;
  }
}

function progressLine(p: ExhaustiveProgress, ms: number): string {
  const rate = ms > 0 ? `, ${Math.round(p.states / (ms / 1000)).toLocaleString('en')} states/s` : '';
  const memory = Math.round(process.memoryUsage().rss / MB);
  return `explore: ${p.states.toLocaleString('en')} states, depth ${p.depth}${rate}, ${memory} MB`;
}
