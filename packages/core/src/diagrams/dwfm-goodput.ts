import { october2025Ec2 } from '../scenarios/ec2.ts';
import { runEc2Scenario, type Ec2Result } from '../ec2/run.ts';
import { HOUR, MINUTE, formatHourMinute } from '../sim/clock.ts';
import { renderLineChart } from '../render/svg/line-chart.ts';

/**
 * `sim october2025-dwfm`: DWFM's lease work after DynamoDB came back. Its hosts are busy
 * the whole time (throughput), yet until the operators step in every attempt finishes
 * after its caller gave up (goodput zero): congestive collapse.
 */
export function drawDwfmGoodput(seed: number): string {
  return drawDwfmGoodputRun(runEc2Scenario(october2025Ec2, { seed }), `DWFM lease attempts per second, 19–20 October (seed ${seed})`);
}

/** The same chart for any EC2 run, such as one with a throttle (the slides' knobs). */
export function drawDwfmGoodputRun(run: Ec2Result, title: string): string {
  const busy = run.samples.filter((s) => s.throughput > 0);
  const start = run.config.startMs + 30 * MINUTE;
  const end = Math.min(run.config.endMs, (busy[busy.length - 1]?.time ?? start + HOUR) + 30 * MINUTE);
  const window = run.samples.filter((s) => s.time >= start && s.time <= end);
  const ticks: number[] = [];
  for (let t = Math.ceil(start / HOUR) * HOUR; t <= end; t += HOUR) ticks.push(t);
  return renderLineChart({
    title,
    xLabel: 'time (PDT)',
    yLabel: 'lease attempts per second',
    series: [
      { label: 'throughput: attempts finished', points: window.map((s) => [s.time, s.throughput] as const) },
      { label: 'goodput: finished before the timeout', points: window.map((s) => [s.time, s.goodput] as const) },
    ],
    markers: run.events
      .filter((e) => e.time >= start && e.time <= end)
      .map((e) => ({ x: e.time, label: `${formatHourMinute(e.time)} ${e.text.split(/[,:]/)[0] ?? ''}`, tone: 'info' as const })),
    xDomain: [start, end],
    xTicks: ticks,
    formatX: formatHourMinute,
    formatY: (y) => y.toFixed(1),
  });
}
