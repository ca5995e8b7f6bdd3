import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.ts';
import { renderLineChart, type LineChart } from '../../src/render/index.ts';
import { count, xmlProblems } from './well-formed.ts';

const answers: LineChart = {
  title: 'Answers for the regional endpoint',
  xLabel: 'time (PDT)',
  yLabel: 'addresses in the answer',
  series: [{ label: 'addresses', step: true, points: [[0, 8], [10, 8], [20, 0], [40, 8]] }],
  markers: [{ x: 20, label: 'plan deleted' }, { x: 38, label: 'operators restore', tone: 'info' }],
};

function pathOf(svg: string, index = 0): string {
  const paths = [...svg.matchAll(/<path d="([^"]+)" fill="none"/g)].map((m) => m[1] ?? '');
  return paths[index] ?? '';
}

describe('renderLineChart', () => {
  it('draws well-formed SVG with the title, axis labels and legend', () => {
    const svg = renderLineChart(answers);
    expect(xmlProblems(svg)).toEqual([]);
    for (const text of [answers.title, answers.xLabel, answers.yLabel, 'addresses']) expect(svg).toContain(`>${text}</text>`);
  });

  it('holds a step series flat until the next point, and joins a plain series with slopes', () => {
    const step = pathOf(renderLineChart(answers));
    expect(step).toMatch(/^M[\d.]+ [\d.]+( H[\d.]+ V[\d.]+){3}$/);
    const sloped = pathOf(renderLineChart({ ...answers, series: [{ label: 'load', points: [[0, 1], [5, 3]] }] }));
    expect(sloped).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);
  });

  it('puts the drop to zero at the bottom of the plot and the plateau above it', () => {
    const path = pathOf(renderLineChart(answers));
    const ys = [...path.matchAll(/V([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[1], 'zero addresses is drawn lower than eight').toBeGreaterThan(ys[0] ?? Infinity);
  });

  it('draws each marker as a labelled vertical line in its tone', () => {
    const svg = renderLineChart(answers);
    expect(svg).toContain('>plan deleted</text>');
    expect(svg).toContain('>operators restore</text>');
    expect(count(svg, 'stroke-dasharray="5 4"')).toBe(2);
    expect(svg).toContain('fill="#0072b2">operators restore');
  });

  it('labels the x axis with the given ticks and format', () => {
    const svg = renderLineChart({ ...answers, xTicks: [0, 20, 40], formatX: (x) => `t+${x}` });
    expect(svg).toContain('>t+0</text>');
    expect(svg).toContain('>t+20</text>');
    expect(svg).toContain('>t+40</text>');
    expect(svg).not.toContain('>t+10</text>');
  });

  it('gives every series its own colour and dash, so it reads in greyscale', () => {
    const svg = renderLineChart({ ...answers, series: [answers.series[0] ?? { label: '', points: [] }, { label: 'goodput', points: [[0, 1], [40, 2]] }] });
    const strokes = [...svg.matchAll(/<path d="[^"]+" fill="none" stroke="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(strokes).size).toBe(2);
  });

  it('rejects an empty series, a non-finite point and a backwards domain', () => {
    expect(() => renderLineChart({ ...answers, series: [] })).toThrow(ConfigError);
    expect(() => renderLineChart({ ...answers, series: [{ label: 'x', points: [] }] })).toThrow('series[0].points: series "x" has no points');
    expect(() => renderLineChart({ ...answers, series: [{ label: 'x', points: [[0, Number.NaN]] }] })).toThrow('series[0].points[0]');
    expect(() => renderLineChart({ ...answers, xDomain: [5, 1] })).toThrow('xDomain: [5, 1] is not an increasing range');
  });
});
