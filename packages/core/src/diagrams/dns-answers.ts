import { HOUR, formatHourMinute } from '../sim/clock.ts';
import { renderLineChart, type ChartMarker } from '../render/svg/line-chart.ts';
import { regionalRun } from './dns-run.ts';

/**
 * `sim october2025-answers`: how many addresses a resolver got for the regional endpoint
 * over the night. The count moves between three and four as the Planner shifts load
 * balancers, drops to zero when the active set is deleted, and comes back only when the
 * operators repair the records.
 */
export function drawDnsAnswers(seed: number): string {
  const run = regionalRun(seed);
  const points: [number, number][] = [[run.startMs, run.initial.answers]];
  const markers: ChartMarker[] = [];
  let previous = run.initial;
  run.after.forEach((view, i) => {
    if (view.answers !== previous.answers) points.push([view.time, view.answers]);
    const step = run.trace[i];
    if (previous.answers > 0 && view.answers === 0) markers.push({ x: view.time, label: `${formatHourMinute(view.time)} no answers (${step?.actor ?? ''})` });
    if (previous.answers === 0 && view.answers > 0) markers.push({ x: view.time, label: `${formatHourMinute(view.time)} answers again (${step?.actor ?? ''})`, tone: 'info' });
    previous = view;
  });
  points.push([run.endMs, previous.answers]);
  const ticks: number[] = [];
  for (let t = Math.ceil(run.startMs / HOUR) * HOUR; t <= run.endMs; t += HOUR) ticks.push(t);
  return renderLineChart({
    title: `Answers for dynamodb.us-east-1.amazonaws.com (seed ${seed})`,
    xLabel: 'time (PDT), 19–20 October',
    yLabel: 'addresses in the answer',
    series: [{ label: 'addresses a resolver gets', step: true, points }],
    markers,
    xDomain: [run.startMs, run.endMs],
    xTicks: ticks,
    formatX: formatHourMinute,
    yDomain: [0, Math.max(4, ...points.map((p) => p[1]))],
  });
}
