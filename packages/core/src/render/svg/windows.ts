import { ConfigError } from '../../config-error.ts';
import { el, escapeXml, svgDocument } from './escape.ts';
import { GRID, INK, MUTED, SERIES_STYLES } from './palette.ts';

/** One row of a windows chart: a name and its spans, each drawn as a bar. */
export interface WindowsRow {
  readonly label: string;
  /** [start, end]; an end of null runs to the right edge, drawn fading. */
  readonly spans: readonly (readonly [number, number | null])[];
  /** Which style: 0 for the reference, 1 for the model. */
  readonly style: 0 | 1;
}

export interface WindowsChart {
  readonly title: string;
  readonly rows: readonly WindowsRow[];
  readonly xDomain: readonly [number, number];
  readonly xTicks: readonly number[];
  readonly formatX: (x: number) => string;
  readonly legend: readonly [string, string];
  readonly width?: number;
}

const ROW = 26;
const MARGIN = { left: 250, right: 30, top: 74, bottom: 44 } as const;

/** Time windows as horizontal bars, one row each (AWS's and the model's side by side). Pure: same input, same bytes. */
export function renderWindows(chart: WindowsChart): string {
  if (chart.rows.length === 0) throw new ConfigError('rows', 'is empty', 'at least one row');
  const [x0, x1] = chart.xDomain;
  if (!(x1 > x0)) throw new ConfigError('xDomain', 'is empty', '[start, end] with end after start');
  const width = chart.width ?? 960;
  const height = MARGIN.top + chart.rows.length * ROW + MARGIN.bottom;
  const plotW = width - MARGIN.left - MARGIN.right;
  const sx = (x: number): number => MARGIN.left + ((Math.min(x1, Math.max(x0, x)) - x0) / (x1 - x0)) * plotW;
  const bottom = MARGIN.top + chart.rows.length * ROW;
  const parts: string[] = [el('rect', { x: 0, y: 0, width, height, fill: '#fff' })];
  parts.push(el('text', { x: 16, y: 28, 'font-size': 18, 'font-weight': 600, fill: INK }, escapeXml(chart.title)));
  chart.legend.forEach((label, i) => {
    parts.push(el('rect', { x: 16 + i * 260, y: 42, width: 14, height: 10, fill: SERIES_STYLES[i]?.color ?? INK }));
    parts.push(el('text', { x: 36 + i * 260, y: 51, 'font-size': 13, fill: MUTED }, escapeXml(label)));
  });
  for (const t of chart.xTicks) {
    parts.push(el('line', { x1: sx(t), y1: MARGIN.top, x2: sx(t), y2: bottom, stroke: GRID }));
    parts.push(el('text', { x: sx(t), y: bottom + 18, 'font-size': 12, fill: MUTED, 'text-anchor': 'middle' }, escapeXml(chart.formatX(t))));
  }
  chart.rows.forEach((row, i) => {
    const y = MARGIN.top + i * ROW;
    parts.push(el('text', { x: MARGIN.left - 10, y: y + ROW / 2 + 4, 'font-size': 12, fill: row.style === 0 ? MUTED : INK, 'text-anchor': 'end' }, escapeXml(row.label)));
    for (const [start, end] of row.spans) {
      const a = sx(start);
      const b = sx(end ?? x1);
      parts.push(el('rect', { x: a, y: y + 5, width: Math.max(2, b - a), height: ROW - 10, fill: SERIES_STYLES[row.style]?.color ?? INK, 'fill-opacity': end === null ? 0.35 : 0.85 }));
    }
  });
  return svgDocument(width, height, chart.title, parts.join(''));
}
