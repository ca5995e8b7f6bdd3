import { describe, expect, it } from 'vitest';
import { MINUTE, calmNlb, formatHourMinute, october2025Nlb, pdt, runNlbScenario, summarizeNlb, type NlbRun } from '../../src/index.ts';

let faithful: NlbRun | undefined;
/** October 2025 as NLB had it: no velocity control. */
const october = (): NlbRun => (faithful ??= runNlbScenario(october2025Nlb, { seed: 1 }));

describe('october2025Nlb without a velocity control', () => {
  it('withdraws healthy capacity from DNS after launches resume at 05:30, and clients see errors', () => {
    const morning = summarizeNlb(october(), { from: pdt('05:30', 20), until: pdt('09:36', 20) });
    const first = october().dnsChanges[0];
    expect(first?.change, 'the first DNS change of the morning is a withdrawal').toBe('withdrawn');
    expect(first?.time ?? 0, 'nothing is withdrawn before the propagation backlog builds').toBeGreaterThan(pdt('05:30', 20));
    expect(morning.minPublishedCapacity, 'at some point two of the three AZs were out of DNS').toBeLessThan(0.5);
    expect(morning.maxErrorRate, 'in the worst minute a large share of connections failed').toBeGreaterThan(0.3);
    expect(morning.maxDnsChangesPerHour, 'failover oscillated: withdrawals and restores every few minutes').toBeGreaterThan(10);
  });

  it('publishes every node again once operators switch automatic failover off at 09:36, and errors subside', () => {
    const off = october().samples.filter((s) => s.time > pdt('09:37', 20) && s.time < pdt('14:09', 20));
    const withdrawn = off.find((s) => s.minPublishedCapacity < 1);
    expect(withdrawn && formatHourMinute(withdrawn.time), 'no node is out of DNS while automatic failover is off').toBeUndefined();
    expect(off.every((s) => !s.automaticFailover), 'automatic failover reads as off until 14:09').toBe(true);
    const after = summarizeNlb(october(), { from: pdt('09:37', 20), until: pdt('14:30', 20) });
    expect(after.maxErrorRate, 'what remains are connections to instances still waiting for their network state').toBeLessThan(0.05);
    const afternoon = summarizeNlb(october(), { from: pdt('11:20', 20), until: pdt('14:30', 20) });
    expect(afternoon.maxErrorRate, 'with every new instance launched after 11:12 propagated at once, errors are gone').toBeLessThan(0.005);
    expect(afternoon.dnsChanges, 'after failover is re-enabled at 14:09 nothing flaps').toBe(0);
  });

  it('is calm when network state propagates in seconds (the EC2 model can supply the delay)', () => {
    const quick = runNlbScenario(october2025Nlb, { seed: 1, propagationDelay: () => 5000 });
    const day = summarizeNlb(quick, { from: quick.samples[0]?.time ?? 0, until: october2025Nlb.endMs });
    expect(day.dnsChanges, 'the same launches without a propagation backlog never trigger failover').toBe(0);
    expect(day.maxErrorRate).toBeLessThan(0.01);
  });
});

describe('the NLB model', () => {
  it('gives the same samples and DNS changes for the same seed, and different ones for another seed', () => {
    const again = runNlbScenario(october2025Nlb, { seed: 1 });
    expect(again.samples).toEqual(october().samples);
    expect(again.dnsChanges).toEqual(october().dnsChanges);
    const other = runNlbScenario(october2025Nlb, { seed: 2 });
    expect(other.dnsChanges).not.toEqual(october().dnsChanges);
  });

  it('samples once a minute over the scenario, with one entry per AZ', () => {
    const run = runNlbScenario({ ...calmNlb, endMs: calmNlb.startMs + 10 * MINUTE }, { seed: 1 });
    expect(run.samples.map((s) => s.time - calmNlb.startMs)).toEqual(Array.from({ length: 11 }, (_, i) => i * MINUTE));
    expect(run.samples.every((s) => s.azHealthy.length === 3 && s.azInAnswer.length === 3)).toBe(true);
    expect(run.dnsChanges).toEqual([]);
  });
});
