export { escapeXml } from './svg/escape.ts';
export { niceTicks } from './svg/ticks.ts';
export { renderSequenceDiagram, type SequenceDiagram, type SequenceLane, type SequenceMark, type SequenceMessage } from './svg/sequence.ts';
export { renderTornado, type TornadoBar, type TornadoChart } from './svg/tornado.ts';
export { renderWindows, type WindowsChart, type WindowsRow } from './svg/windows.ts';
export { renderLineChart, type ChartMarker, type ChartSeries, type LineChart } from './svg/line-chart.ts';
export type { Tone } from './svg/palette.ts';
