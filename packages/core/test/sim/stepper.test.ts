import { describe, expect, it } from 'vitest';
import { DNS_INVARIANTS } from '../../src/dns/invariants.ts';
import { createDnsModel } from '../../src/dns/model.ts';
import { happyPath, smallScope } from '../../src/scenarios/dns.ts';
import { runModel, startRun } from '../../src/sim/run.ts';
import { traceHash } from '../../src/sim/timeline.ts';

const RACE = 'P.a1.P.P.P.a2.a2.a2.a1.a1.a2'.split('.');

describe('a run taken one step at a time', () => {
  it('is the same run as runModel, for a replayed schedule', () => {
    const model = createDnsModel(smallScope.config, { name: 'smallScope' });
    const options = { seed: 0, scheduler: { kind: 'replay' as const, choices: RACE }, invariants: DNS_INVARIANTS, stopOnViolation: false };
    const whole = runModel(model, options);
    const stepped = startRun(model, options);
    const seen: number[] = [];
    while (stepped.step()) seen.push(stepped.steps);
    expect(seen).toEqual(RACE.map((_, i) => i + 1));
    expect(stepped.endedBy).toBe(whole.endedBy);
    expect(traceHash(stepped.trace)).toBe(traceHash(whole.trace));
    expect(stepped.violations).toEqual(whole.violations);
    expect(stepped.step(), 'an ended run takes no more steps').toBe(false);
    expect(stepped.steps).toBe(RACE.length);
  });

  it('is the same run as runModel in virtual-time order, ending at the same instant', () => {
    const model = createDnsModel(happyPath.config, { name: 'happyPath' });
    const options = { seed: happyPath.seed, untilMs: happyPath.untilMs, invariants: DNS_INVARIANTS };
    const whole = runModel(model, options);
    const stepped = startRun(model, options);
    for (let i = 0; i < 40; i++) stepped.step();
    expect(stepped.trace.map((s) => s.action)).toEqual(whole.trace.slice(0, 40).map((s) => s.action));
    expect(stepped.endedBy).toBeNull();
    const finished = stepped.finish();
    expect([finished.steps, finished.endTime, finished.endedBy]).toEqual([whole.steps, whole.endTime, whole.endedBy]);
    expect(traceHash(finished.trace)).toBe(traceHash(whole.trace));
  });

  it('stops at the first broken invariant unless told to go on', () => {
    const model = createDnsModel(smallScope.config, { name: 'smallScope' });
    const stepped = startRun(model, { seed: 0, scheduler: { kind: 'replay', choices: RACE }, invariants: DNS_INVARIANTS });
    while (stepped.step());
    expect(stepped.endedBy).toBe('violation');
    expect(stepped.steps).toBe(10);
    expect(stepped.violations[0]?.invariant).toBe('generation-never-regresses');
  });
});
