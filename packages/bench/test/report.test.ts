import { describe, expect, it } from 'vitest';
import { TARGETS, targetMet, toJson, toTable, type Report } from '../src/report.ts';
import { SECTIONS } from '../src/sections.ts';

const meta = { node: 'v22', platform: 'linux x64', cpus: 2, cpuModel: 'test', loadAverageAtStart: 0, loadAverageAtEnd: 0, startedAt: '2026-01-01T00:00:00.000Z', seconds: 1, only: null };

const report: Report = {
  meta,
  entries: [
    { key: 'explore.realScope', inputs: { enactors: 3, endpoints: 2, plans: 6, workers: 2 } },
    { key: 'explore.realScope.states', value: 1_234_567 },
    { key: 'explore.realScope.bytesPerState', value: 70 },
  ],
};

describe("a scope's inputs are configuration, printed once; only measurements are figures", () => {
  it('the table prints the inputs on one line before the figures, and no input as a figure', () => {
    const lines = toTable(report).split('\n');
    expect(lines.filter((l) => l.includes('inputs:'))).toEqual([expect.stringMatching(/^explore\.realScope +inputs: enactors 3 · endpoints 2 · plans 6 · workers 2$/)]);
    expect(lines.findIndex((l) => l.includes('inputs:'))).toBeLessThan(lines.findIndex((l) => l.startsWith('explore.realScope.states')));
    expect(lines.filter((l) => /^explore\.realScope\.(enactors|endpoints|plans|workers)\b/.test(l))).toEqual([]);
  });

  it('the JSON keeps inputs apart from the figures', () => {
    const json = JSON.parse(toJson(report)) as Record<string, unknown>;
    expect(json['inputs']).toEqual({ 'explore.realScope': { enactors: 3, endpoints: 2, plans: 6, workers: 2 } });
    expect(json['explore.realScope.states']).toBe(1_234_567);
    expect(Object.keys(json).filter((k) => /\.(enactors|endpoints|plans|workers|budget|nightsSampled)$/.test(k))).toEqual([]);
  });

  it('a figure past its target is marked missed', () => {
    const lines = toTable(report).split('\n');
    expect(lines.find((l) => l.startsWith('explore.realScope.bytesPerState'))).toContain('✗ target < 64.5');
    expect((JSON.parse(toJson(report)) as { targets: Record<string, unknown> }).targets['explore.realScope.bytesPerState']).toEqual({ target: '< 64.5', met: false });
  });
});

describe('the registry: inputs, figures and targets do not mix', () => {
  const figures = new Set(SECTIONS.flatMap((s) => s.keys));
  const inputKeys = SECTIONS.flatMap((s) => Object.keys(s.inputs ?? {}).map((name) => `${s.prefix}.${name}`));

  it('declares the scopes the issue named as inputs, and none of them as a figure', () => {
    expect(inputKeys).toEqual(expect.arrayContaining(['explore.realScope.enactors', 'explore.realScope.endpoints', 'explore.realScope.plans', 'dns.nights', 'dns.workers', 'explore.pct.budget']));
    expect(inputKeys.filter((k) => figures.has(k) || Object.hasOwn(TARGETS, k))).toEqual([]);
    expect([...figures].filter((k) => /\.(nightsSampled|workers|budget|enactors|endpoints|plans)$/.test(k))).toEqual([]);
  });

  it('sets targets only on figures a section measures, each of which a value can miss', () => {
    for (const [key, target] of Object.entries(TARGETS)) {
      expect(figures.has(key), `${key} is measured by a section`).toBe(true);
      const beyond = target.below !== undefined ? target.below : (target.atLeast ?? 0) - 1;
      expect(targetMet(target, beyond), `${key} can miss its target`).toBe(false);
    }
  });
});
