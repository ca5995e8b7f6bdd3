import { runNlbScenario, type NlbRun } from '../nlb/run.ts';
import { october2025Nlb } from '../scenarios/nlb.ts';
import { HOUR, formatHourMinute } from '../sim/clock.ts';
import { renderLineChart, type ChartMarker } from '../render/svg/line-chart.ts';

/**
 * `sim october2025-nlb`: the NLB's capacity in DNS and its clients' connection errors on
 * 20 October. Flapping health checks make automatic AZ failover withdraw healthy capacity;
 * it stops when operators switch automatic failover off.
 */
export function drawNlbCapacity(seed: number): string {
  return drawNlbCapacityRun(runNlbScenario(october2025Nlb, { seed }), `NLB capacity in DNS and connection errors, 20 October (seed ${seed})`);
}

/** The same chart for any NLB run, such as one with a velocity control (the slides' knobs). */
export function drawNlbCapacityRun(run: NlbRun, title: string): string {
  const capacity = run.samples.map((s) => [s.time, Math.round(s.minPublishedCapacity * 1000) / 10] as const);
  const errors = run.samples.map((s) => [s.time, Math.round(s.errorRate * 1000) / 10] as const);
  const markers: ChartMarker[] = [];
  run.samples.forEach((s, i) => {
    const before = run.samples[i - 1];
    if (before === undefined || before.automaticFailover === s.automaticFailover) return;
    const what = s.automaticFailover ? 'automatic failover back on' : 'operators switch automatic failover off';
    markers.push({ x: s.time, label: `${formatHourMinute(s.time)} ${what}`, tone: 'info' });
  });
  const start = run.samples[0]?.time ?? october2025Nlb.startMs;
  const end = run.samples[run.samples.length - 1]?.time ?? start + HOUR;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / HOUR) * HOUR; t <= end; t += HOUR) ticks.push(t);
  return renderLineChart({
    title,
    xLabel: 'time (PDT), 20 October',
    yLabel: 'percent',
    series: [
      { label: 'capacity in DNS (lowest each minute)', step: true, points: capacity },
      { label: 'client connections failing', points: errors },
    ],
    markers,
    xDomain: [start, end],
    xTicks: ticks,
    formatX: formatHourMinute,
    yDomain: [0, 100],
  });
}
