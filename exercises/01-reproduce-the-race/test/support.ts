import {
  DNS_INVARIANTS,
  REGIONAL_ENDPOINT,
  createDnsModel,
  formatClock,
  formatTimeline,
  runModel,
  type DnsObservation,
  type DnsScenario,
  type RunResult,
  type DnsWorld,
  type TraceStep,
} from '@outage-lab/core';

export type Night = RunResult<DnsWorld, DnsObservation> & { readonly observations: readonly DnsObservation[]; readonly scenario: DnsScenario };

/** Runs a scenario against the faithful model, keeping every observation. */
export function runNight(scenario: DnsScenario): Night {
  const observations: DnsObservation[] = [];
  const result = runModel(createDnsModel(scenario.config, { name: scenario.name }), {
    seed: scenario.seed,
    untilMs: scenario.untilMs,
    invariants: DNS_INVARIANTS,
    stopOnViolation: false,
    onStep: (_, observed) => observations.push(observed),
  });
  return { ...result, observations, scenario };
}

/** The regional endpoint's story: every step that touched it, or a clean-up. */
export function regionalStory(night: Night, lines = 14, around?: number): string {
  const steps = night.trace.filter((s) => s.action.endsWith(` ${REGIONAL_ENDPOINT}`) || s.action.startsWith('clean up') || s.action.startsWith('check freshness'));
  const index = around === undefined ? steps.length : steps.findIndex((s) => s.index >= around) + 4;
  const shown = steps.slice(Math.max(0, index - lines), Math.max(lines, index));
  return [
    `Your night: ${night.scenario.name}, seed ${night.scenario.seed}, ${formatClock(night.scenario.config.startMs)}–${formatClock(night.scenario.untilMs)} (the same seed replays this night exactly)`,
    formatTimeline(shown, { violations: night.violations.filter((v) => v.invariant === 'regional-endpoint-resolves').slice(0, 1) }),
  ].join('\n');
}

export function firstEmpty(night: Night): TraceStep | undefined {
  const at = night.observations.findIndex((o) => o.endpoints.find((e) => e.name === REGIONAL_ENDPOINT)?.answers.length === 0);
  return at < 0 ? undefined : night.trace[at - 1];
}
