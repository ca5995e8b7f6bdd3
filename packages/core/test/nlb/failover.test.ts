import { describe, expect, it } from 'vitest';
import { calmNlb, pdt, runNlbScenario, type FailoverInput, type FailoverPolicy, type NlbScenario } from '../../src/index.ts';
import { AzFailover } from '../../src/nlb/failover.ts';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const config = { threshold: 0.8, evaluateEveryMs: 10_000, disabled: [{ from: 1000, until: 2000 }] };

function failover(policy: FailoverPolicy = { decide: ({ azs }) => azs.filter((a) => a.unhealthy).map((a) => a.az) }) {
  const rechecked: number[] = [];
  return { failover: new AzFailover(AZS, config, policy, (az) => rechecked.push(az)), rechecked };
}

describe('automatic AZ DNS failover and Route 53', () => {
  it('withdraws an AZ below the threshold, restores it above, and re-checks its targets each time', () => {
    const { failover: f, rechecked } = failover();
    f.evaluate(0, Float64Array.of(0.5, 0.9, 0.9));
    expect(Array.from(f.answer)).toEqual([0, 1, 1]);
    f.evaluate(10, Float64Array.of(0.9, 0.9, 0.9));
    expect(Array.from(f.answer)).toEqual([1, 1, 1]);
    expect(f.changes.map((c) => `${c.az} ${c.change}`)).toEqual(['us-east-1a withdrawn', 'us-east-1a restored']);
    expect(rechecked).toEqual([0, 0]);
  });

  it('fails open: with every AZ withdrawn, Route 53 answers with all of them', () => {
    const { failover: f } = failover();
    f.evaluate(0, Float64Array.of(0.1, 0.2, 0.3));
    expect(f.changes).toHaveLength(3);
    expect(Array.from(f.answer), 'no AZ is better than another, so every node is in the answer').toEqual([1, 1, 1]);
    expect(f.publishedCapacity).toBe(1);
  });

  it('restores every AZ, whatever the policy says, while operators have automatic failover off', () => {
    const inputs: FailoverInput[] = [];
    const { failover: f } = failover({ decide: (input) => (inputs.push(input), ['us-east-1b']) });
    f.evaluate(0, Float64Array.of(0.9, 0.9, 0.9));
    f.evaluate(1500, Float64Array.of(0.9, 0.1, 0.9));
    expect(Array.from(f.answer)).toEqual([1, 1, 1]);
    expect(f.changes.map((c) => `${c.change} by ${c.by}`)).toEqual(['withdrawn by failover', 'restored by operator']);
    expect(inputs, 'the policy is not consulted while failover is off').toHaveLength(1);
  });

  it('fails open end to end when every target in every AZ dies', () => {
    const allDead: NlbScenario = {
      ...calmNlb,
      endMs: pdt('06:00', 20),
      failures: AZS.map((az, i) => ({ az, at: pdt('05:35', 20) + i * 5 * 60_000 })),
    };
    const run = runNlbScenario(allDead, { seed: 1 });
    const last = run.samples[run.samples.length - 1];
    expect(run.dnsChanges.filter((c) => c.change === 'withdrawn').map((c) => c.az)).toEqual(AZS);
    expect(last?.publishedCapacity, 'every AZ is withdrawn, so Route 53 answers with all of them').toBe(1);
    expect(last?.errorRate, 'and nearly every connection fails: only the odd new instance answers').toBeGreaterThan(0.95);
  });
});
