export { escapeXml } from './svg/escape.ts';
export { niceTicks } from './svg/ticks.ts';
export { renderSequenceDiagram, type SequenceDiagram, type SequenceLane, type SequenceMark, type SequenceMessage } from './svg/sequence.ts';
export { renderLineChart, type ChartMarker, type ChartSeries, type LineChart } from './svg/line-chart.ts';
export type { Tone } from './svg/palette.ts';
