import { ConfigError } from '../../config-error.ts';
import { el, escapeXml, num, svgDocument } from './escape.ts';
import { GRID, INK, MUTED, SERIES_STYLES, TONES, type Tone } from './palette.ts';
import { niceTicks } from './ticks.ts';

export interface ChartSeries {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
  /** Hold each value until the next point (a count, a state), instead of a sloped line. */
  readonly step?: boolean;
}

/** A vertical line at one x, labelled at the top of the plot: an event on the timeline. */
export interface ChartMarker {
  readonly x: number;
  readonly label: string;
  readonly tone?: Tone;
}

export interface LineChart {
  readonly title: string;
  readonly series: readonly ChartSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly markers?: readonly ChartMarker[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly formatX?: (x: number) => string;
  readonly formatY?: (y: number) => string;
  /** Tick positions on x, e.g. whole hours; chosen automatically when absent. */
  readonly xTicks?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { left: 84, right: 28, top: 66, bottom: 64 } as const;
const MARKER_ROW = 17;

/** A line chart as SVG text: pure, no DOM, the same input gives the same bytes. */
export function renderLineChart(chart: LineChart): string {
  validate(chart);
  const markers = chart.markers ?? [];
  const width = chart.width ?? 960;
  const height = chart.height ?? 440;
  const markerRows = Math.min(markers.length, 3);
  const top = MARGIN.top + markerRows * MARKER_ROW;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - top - MARGIN.bottom;
  const all = chart.series.flatMap((s) => s.points);
  const [x0, x1] = chart.xDomain ?? [Math.min(...all.map((p) => p[0])), Math.max(...all.map((p) => p[0]))];
  const yTicks = niceTicks(chart.yDomain?.[0] ?? Math.min(0, ...all.map((p) => p[1])), chart.yDomain?.[1] ?? Math.max(...all.map((p) => p[1])), 5);
  const y0 = chart.yDomain?.[0] ?? yTicks[0] ?? 0;
  const y1 = chart.yDomain?.[1] ?? yTicks[yTicks.length - 1] ?? 1;
  const sx = (x: number): number => MARGIN.left + (x1 === x0 ? plotW / 2 : ((x - x0) / (x1 - x0)) * plotW);
  const sy = (y: number): number => top + plotH - (y1 === y0 ? plotH / 2 : ((y - y0) / (y1 - y0)) * plotH);
  const fx = chart.formatX ?? formatNumber;
  const fy = chart.formatY ?? formatNumber;
  const parts: string[] = [el('rect', { x: 0, y: 0, width, height, fill: '#fff' })];

  for (const t of yTicks.filter((t) => t >= y0 && t <= y1)) {
    parts.push(el('line', { x1: MARGIN.left, y1: sy(t), x2: width - MARGIN.right, y2: sy(t), stroke: GRID }));
    parts.push(el('text', { x: MARGIN.left - 8, y: sy(t) + 4, 'text-anchor': 'end', 'font-size': 13, fill: MUTED }, escapeXml(fy(t))));
  }
  for (const t of (chart.xTicks ?? niceTicks(x0, x1, 6)).filter((t) => t >= x0 && t <= x1)) {
    parts.push(el('line', { x1: sx(t), y1: top + plotH, x2: sx(t), y2: top + plotH + 6, stroke: MUTED }));
    parts.push(el('text', { x: sx(t), y: top + plotH + 22, 'text-anchor': 'middle', 'font-size': 13, fill: MUTED }, escapeXml(fx(t))));
  }
  parts.push(el('line', { x1: MARGIN.left, y1: top + plotH, x2: width - MARGIN.right, y2: top + plotH, stroke: INK }));
  parts.push(el('line', { x1: MARGIN.left, y1: top, x2: MARGIN.left, y2: top + plotH, stroke: INK }));
  parts.push(el('text', { x: MARGIN.left + plotW / 2, y: height - 14, 'text-anchor': 'middle', 'font-size': 14, fill: INK }, escapeXml(chart.xLabel)));
  const yMid = top + plotH / 2;
  parts.push(el('text', { x: 20, y: yMid, 'text-anchor': 'middle', 'font-size': 14, fill: INK, transform: `rotate(-90 20 ${num(yMid)})` }, escapeXml(chart.yLabel)));

  markers.forEach((marker, i) => {
    const color = TONES[marker.tone ?? 'danger'];
    const x = sx(marker.x);
    const labelY = MARGIN.top + (i % 3) * MARKER_ROW - 4;
    const anchor = x > MARGIN.left + plotW * 0.7 ? 'end' : 'start';
    parts.push(el('line', { x1: x, y1: labelY + 4, x2: x, y2: top + plotH, stroke: color, 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }));
    parts.push(el('text', { x: anchor === 'end' ? x - 4 : x + 4, y: labelY, 'text-anchor': anchor, 'font-size': 13, 'font-weight': 600, fill: color }, escapeXml(marker.label)));
  });

  chart.series.forEach((series, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length] ?? { color: INK, dash: undefined };
    parts.push(el('path', { d: pathOf(series, sx, sy), fill: 'none', stroke: style.color, 'stroke-width': 3, 'stroke-dasharray': style.dash, 'stroke-linejoin': 'round' }));
  });

  let legendX = MARGIN.left;
  chart.series.forEach((series, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length] ?? { color: INK, dash: undefined };
    parts.push(el('line', { x1: legendX, y1: 38, x2: legendX + 28, y2: 38, stroke: style.color, 'stroke-width': 3, 'stroke-dasharray': style.dash }));
    parts.push(el('text', { x: legendX + 34, y: 43, 'font-size': 14, fill: INK }, escapeXml(series.label)));
    legendX += 34 + series.label.length * 7.5 + 28;
  });
  parts.push(el('text', { x: MARGIN.left, y: 18, 'font-size': 15, 'font-weight': 600, fill: INK }, escapeXml(chart.title)));

  return svgDocument(width, height, chart.title, parts.join(''));
}

function pathOf(series: ChartSeries, sx: (x: number) => number, sy: (y: number) => number): string {
  const points = [...series.points].sort((a, b) => a[0] - b[0]);
  return points
    .map(([x, y], i) => {
      if (i === 0) return `M${num(sx(x))} ${num(sy(y))}`;
      return series.step === true ? `H${num(sx(x))} V${num(sy(y))}` : `L${num(sx(x))} ${num(sy(y))}`;
    })
    .join(' ');
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 10_000) return `${Number((value / 1000).toPrecision(4))}k`;
  return String(Number(value.toPrecision(6)));
}

function validate(chart: LineChart): void {
  if (chart.series.length === 0) throw new ConfigError('series', 'no series to draw', 'at least one { label, points }');
  chart.series.forEach((s, i) => {
    if (s.points.length === 0) throw new ConfigError(`series[${i}].points`, `series ${JSON.stringify(s.label)} has no points`, 'at least one [x, y] pair');
    s.points.forEach(([x, y], j) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        throw new ConfigError(`series[${i}].points[${j}]`, `[${x}, ${y}] is not a pair of finite numbers`, 'finite numbers');
      }
    });
  });
  for (const [field, domain] of [['xDomain', chart.xDomain], ['yDomain', chart.yDomain]] as const) {
    if (domain !== undefined && !(Number.isFinite(domain[0]) && Number.isFinite(domain[1]) && domain[0] < domain[1])) {
      throw new ConfigError(field, `[${domain[0]}, ${domain[1]}] is not an increasing range`, '[min, max] with min < max');
    }
  }
}
