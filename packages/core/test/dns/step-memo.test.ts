import { describe, expect, it } from 'vitest';
import { DNS_INVARIANTS } from '../../src/judge.ts';
import { DnsEnactor, createDnsModel, exploreExhaustively, smallScopeConfig, type DnsWorld, type EnactorProgram, type EnactorState, type Outcome, type Plan, type StepContext } from '../../src/index.ts';
import { OnlyCleanupFixed } from '../sim/reductions.ts';
import type { Invariant, Model } from '../../src/sim/model.ts';
import type { DnsObservation } from '../../src/dns/observe.ts';

/** Counts the steps whose code really ran: a remembered step does not run. */
function counted(program: EnactorProgram): EnactorProgram & { steps: number } {
  const counter = {
    steps: 0,
    ready: (me: EnactorState, world: DnsWorld) => program.ready(me, world),
    describe: (me: EnactorState, world: DnsWorld) => program.describe(me, world),
    step(me: EnactorState, world: DnsWorld, ctx: StepContext): Outcome {
      counter.steps++;
      return program.step(me, world, ctx);
    },
  };
  return counter;
}

/** Breaks the Enactor contract: it waits while another Enactor is applying, which the memo's key leaves out. */
class Peeking extends DnsEnactor {
  protected override checkFreshness(me: EnactorState, world: DnsWorld, ctx: StepContext, plan: Plan): Outcome {
    if (world.enactors.some((other) => other !== me && other.phase === 'apply')) return { result: 'another Enactor is applying: wait', ok: true, delayMs: 0 };
    return super.checkFreshness(me, world, ctx, plan);
  }
}

/** The same model with its codec's step memo taken away: every step runs. */
function withoutMemo(model: Model<DnsWorld, DnsObservation>): Model<DnsWorld, DnsObservation> {
  const codec = model.codec;
  if (codec === undefined) throw new Error('the DNS model has a codec');
  const { steps: _memo, ...plain } = codec;
  return { ...model, codec: plain };
}

const SCOPE = { enactors: 3, endpoints: 1, plans: 3 } as const;

/**
 * A transition invariant whose verdict on a step depends on the Enactors that did not move,
 * which the memo's key leaves out: an Enactor starts applying while another already is.
 */
const secondApplier: Invariant<DnsObservation> = {
  name: 'second-applier',
  description: 'no Enactor starts applying while another is applying',
  kind: 'safety',
  check(now, before) {
    if (before === null) return null;
    const applying = (o: DnsObservation): number => o.enactors.filter((e) => e.phase === 'apply').length;
    return applying(now) > applying(before) && applying(before) > 0 ? 'a second Enactor started applying' : null;
  },
};

function search(model: Model<DnsWorld, DnsObservation>, invariants: readonly Invariant<DnsObservation>[] = DNS_INVARIANTS) {
  const result = exploreExhaustively(model, { invariants, stopAtFirst: false, shrink: false });
  return {
    states: result.states,
    transitions: result.transitions,
    depth: result.depth,
    violations: result.violations,
    terminal: result.terminalStates,
    counterexample: result.counterexample?.replay ?? null,
  };
}

describe('the step memo of the exhaustive DNS search', () => {
  it('finds what running every step finds, running a fraction of the steps', () => {
    for (const program of [() => new DnsEnactor(), () => new OnlyCleanupFixed()]) {
      const remembered = counted(program());
      const ran = counted(program());
      const withMemo = search(createDnsModel(smallScopeConfig(SCOPE), { name: 'memo', enactor: remembered }));
      const everyStep = search(withoutMemo(createDnsModel(smallScopeConfig(SCOPE), { name: 'memo', enactor: ran })));
      expect(withMemo).toEqual(everyStep);
      expect(remembered.steps, 'most steps are met again with the same key').toBeLessThan(ran.steps / 4);
    }
  });

  it('turns itself off for an Enactor that reads another Enactor, and finds what running every step finds', () => {
    const peeking = counted(new Peeking());
    const ran = counted(new Peeking());
    const withMemo = search(createDnsModel(smallScopeConfig(SCOPE), { name: 'memo', enactor: peeking }));
    const everyStep = search(withoutMemo(createDnsModel(smallScopeConfig(SCOPE), { name: 'memo', enactor: ran })));
    expect(withMemo).toEqual(everyStep);
    expect(peeking.steps, 'once a step reads another Enactor, every later step runs').toBeGreaterThan(ran.steps * 0.9);
  });

  it("keeps a transition invariant's verdict with a step only when it read nothing the key leaves out", () => {
    const invariants = [...DNS_INVARIANTS, secondApplier];
    const withMemo = search(createDnsModel(smallScopeConfig(SCOPE), { name: 'memo', enactor: new DnsEnactor() }), invariants);
    const everyStep = search(withoutMemo(createDnsModel(smallScopeConfig(SCOPE), { name: 'memo', enactor: new DnsEnactor() })), invariants);
    expect(withMemo).toEqual(everyStep);
    expect(withMemo.violations, 'the invariant is broken on some steps and not on others with the same key').toBeGreaterThan(0);
  });
});
