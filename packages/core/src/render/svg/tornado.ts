import { ConfigError } from '../../config-error.ts';
import { el, escapeXml, svgDocument } from './escape.ts';
import { GRID, INK, MUTED, SERIES_STYLES } from './palette.ts';
import { niceTicks } from './ticks.ts';

/** One bar of a tornado chart: what the output did with the input lowered and raised. */
export interface TornadoBar {
  readonly label: string;
  /** Change of the output with the input lowered. */
  readonly low: number;
  /** Change of the output with the input raised. */
  readonly high: number;
  /** Said after the label, e.g. which phase moved. */
  readonly note?: string;
}

export interface TornadoChart {
  readonly title: string;
  readonly xLabel: string;
  /** Sorted by the widest swing first, as tornado charts are read top down. */
  readonly bars: readonly TornadoBar[];
  readonly lowLabel: string;
  readonly highLabel: string;
  readonly formatX?: (x: number) => string;
  readonly width?: number;
}

const ROW = 34;
const MARGIN = { left: 450, right: 40, top: 74, bottom: 56 } as const;

/** A tornado chart as SVG text: one row per input, bars left and right of zero. Pure: same input, same bytes. */
export function renderTornado(chart: TornadoChart): string {
  if (chart.bars.length === 0) throw new ConfigError('bars', 'is empty', 'at least one bar');
  for (const b of chart.bars) {
    if (!Number.isFinite(b.low) || !Number.isFinite(b.high)) throw new ConfigError(`bars.${b.label}`, 'has a value that is not finite', 'finite numbers');
  }
  const bars = [...chart.bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.label.localeCompare(b.label));
  const width = chart.width ?? 960;
  const height = MARGIN.top + bars.length * ROW + MARGIN.bottom;
  const extent = Math.max(1e-9, ...bars.flatMap((b) => [Math.abs(b.low), Math.abs(b.high)]));
  const ticks = niceTicks(-extent, extent, 6);
  const x0 = Math.min(ticks[0] ?? -extent, -extent);
  const x1 = Math.max(ticks[ticks.length - 1] ?? extent, extent);
  const plotW = width - MARGIN.left - MARGIN.right;
  const sx = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const fx = chart.formatX ?? ((x: number) => String(Math.round(x)));
  const [lowStyle, highStyle] = [SERIES_STYLES[0], SERIES_STYLES[1]];
  const parts: string[] = [el('rect', { x: 0, y: 0, width, height, fill: '#fff' })];
  parts.push(el('text', { x: 16, y: 28, 'font-size': 18, 'font-weight': 600, fill: INK }, escapeXml(chart.title)));
  parts.push(el('rect', { x: 16, y: 42, width: 14, height: 10, fill: lowStyle?.color ?? '#0072b2' }));
  parts.push(el('text', { x: 36, y: 51, 'font-size': 13, fill: MUTED }, escapeXml(chart.lowLabel)));
  parts.push(el('rect', { x: 220, y: 42, width: 14, height: 10, fill: highStyle?.color ?? '#d55e00' }));
  parts.push(el('text', { x: 240, y: 51, 'font-size': 13, fill: MUTED }, escapeXml(chart.highLabel)));
  const bottom = MARGIN.top + bars.length * ROW;
  for (const t of ticks) {
    parts.push(el('line', { x1: sx(t), y1: MARGIN.top, x2: sx(t), y2: bottom, stroke: t === 0 ? INK : GRID, 'stroke-width': t === 0 ? 1.5 : 1 }));
    parts.push(el('text', { x: sx(t), y: bottom + 18, 'font-size': 12, fill: MUTED, 'text-anchor': 'middle' }, escapeXml(fx(t))));
  }
  parts.push(el('text', { x: MARGIN.left + plotW / 2, y: bottom + 42, 'font-size': 13, fill: INK, 'text-anchor': 'middle' }, escapeXml(chart.xLabel)));
  bars.forEach((b, i) => {
    const y = MARGIN.top + i * ROW;
    const hasNote = b.note !== undefined;
    parts.push(el('text', { x: MARGIN.left - 10, y: y + ROW / 2 + (hasNote ? -2 : 4), 'font-size': 12, fill: INK, 'text-anchor': 'end' }, escapeXml(b.label)));
    if (hasNote) parts.push(el('text', { x: MARGIN.left - 10, y: y + ROW / 2 + 11, 'font-size': 11, fill: MUTED, 'text-anchor': 'end' }, escapeXml(b.note ?? '')));
    for (const [value, style] of [[b.low, lowStyle], [b.high, highStyle]] as const) {
      const a = sx(Math.min(0, value));
      const w = Math.abs(sx(value) - sx(0));
      parts.push(el('rect', { x: a, y: y + 6, width: w, height: ROW - 12, fill: style?.color ?? INK, 'fill-opacity': 0.85 }));
    }
  });
  return svgDocument(width, height, chart.title, parts.join(''));
}
