import { renderLineChart, type ChartMarker, type ChartSeries } from '../render/svg/line-chart.ts';
import { renderWindows, type WindowsRow } from '../render/svg/windows.ts';
import { DEPENDENT_SERVICES, dependentWindows } from './dependents.ts';
import { HOUR, MINUTE, formatHourMinute } from '../sim/clock.ts';
import { REGION_SERVICES, type RegionService } from './impact.ts';
import type { RegionMinute, RegionNight } from './run.ts';
import type { VariantOutcome } from './variants.ts';

/** Points are the worst minute of each five, so a short spike still shows. */
const BUCKET_MINUTES = 5;

/**
 * The cascade: each service's impact over the night, with the operators' actions. One
 * empty DNS answer at 23:48 becomes DynamoDB errors, then launch failures, then new
 * instances without network and NLB connection errors until 09:36.
 */
export function drawRegionNight(night: RegionNight): string {
  return renderLineChart({
    title: `us-east-1, 19–20 October: impact per service${night.fixes.length === 0 ? '' : `, fixes: ${night.fixes.join(', ')}`} (seed ${night.config.seed})`,
    xLabel: 'time (PDT)',
    yLabel: 'percent affected',
    series: REGION_SERVICES.map((s) => ({ label: s.short, step: s.service === 'ec2Network', points: percentSeries(night.minutes, s.share) })),
    markers: operatorMarkers(night),
    ...timeAxis(night),
    yDomain: [0, 100],
  });
}

/** One service's impact over the night, one line per variant: what each fix buys. */
export function drawVariantImpact(outcomes: readonly VariantOutcome[], service: RegionService): string {
  const impact = REGION_SERVICES.find((s) => s.service === service);
  const first = outcomes[0];
  if (impact === undefined || first === undefined) throw new RangeError(`drawVariantImpact: no outcomes or no service ${service}`);
  return renderLineChart({
    title: `${impact.label} per variant: ${outcomes.map((o) => Math.round(o.impact[service])).join(' · ')} impact minutes, in legend order`,
    xLabel: 'time (PDT)',
    yLabel: 'percent affected',
    series: outcomes.map((o) => ({ label: o.variant.label, step: service === 'ec2Network', points: percentSeries(o.night.minutes, impact.share) })),
    ...timeAxis(first.night),
    yDomain: [0, 100],
  });
}

/** Impact minutes of every service added up as the night goes on, one line per variant. */
export function drawCumulativeImpact(outcomes: readonly VariantOutcome[]): string {
  const first = outcomes[0];
  if (first === undefined) throw new RangeError('drawCumulativeImpact: no outcomes');
  const series: ChartSeries[] = outcomes.map((o) => {
    let total = 0;
    const points: [number, number][] = [];
    o.night.minutes.forEach((m, i) => {
      for (const s of REGION_SERVICES) total += s.of(m);
      if (i % BUCKET_MINUTES === BUCKET_MINUTES - 1 || i === o.night.minutes.length - 1) points.push([m.time, Math.round(total)]);
    });
    return { label: o.variant.label, points };
  });
  return renderLineChart({
    title: 'Impact minutes of all four services, added up over the night',
    xLabel: 'time (PDT)',
    yLabel: 'impact minutes so far',
    series,
    ...timeAxis(first.night),
  });
}

function percentSeries(minutes: readonly RegionMinute[], of: (m: RegionMinute) => number): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < minutes.length; i += BUCKET_MINUTES) {
    const bucket = minutes.slice(i, i + BUCKET_MINUTES);
    const last = bucket[bucket.length - 1];
    if (last === undefined) continue;
    points.push([last.time, Math.round(Math.max(...bucket.map(of)) * 1000) / 10]);
  }
  return points;
}

function timeAxis(night: RegionNight): { xDomain: [number, number]; xTicks: number[]; formatX: (x: number) => string } {
  const { startMs, endMs } = night.config;
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / (2 * HOUR)) * 2 * HOUR; t <= endMs; t += 2 * HOUR) ticks.push(t);
  return { xDomain: [startMs, endMs - (endMs - startMs) % MINUTE], xTicks: ticks, formatX: formatHourMinute };
}

/** The operators' actions that happened in this night. */
function operatorMarkers(night: RegionNight): ChartMarker[] {
  const ops = night.config.operators;
  const repaired = night.events.find((e) => e.source === 'dns' && e.text.includes('again'));
  const markers: ChartMarker[] = [];
  const race = night.events.find((e) => e.source === 'dns' && e.text.includes('no addresses'));
  if (race !== undefined) markers.push({ x: race.time, label: `${formatHourMinute(race.time)} empty DNS answer` });
  if (repaired !== undefined) markers.push({ x: repaired.time, label: `${formatHourMinute(repaired.time)} records restored`, tone: 'info' });
  if (night.dwfmOperatorsActed) markers.push({ x: ops.dwfmThrottleAt, label: `${formatHourMinute(ops.dwfmThrottleAt)} DWFM throttled`, tone: 'info' });
  if (night.nlb.failoverSwitchedOff) {
    markers.push({ x: ops.nlbFailoverOffAt, label: `${formatHourMinute(ops.nlbFailoverOffAt)} NLB failover off`, tone: 'info' });
  }
  return markers;
}

/**
 * The services that fell with DynamoDB: AWS's windows beside the model's, one pair of rows
 * per service. The model's windows come from the night's own signals; nothing is fitted.
 */
export function drawDependents(night: RegionNight): string {
  const rows: WindowsRow[] = DEPENDENT_SERVICES.flatMap((s): WindowsRow[] => [
    { label: `${s.label}: AWS`, style: 0, spans: s.aws.map((w): [number, number | null] => [w.startMs, w.endMs]) },
    { label: `${s.label}: model`, style: 1, spans: dependentWindows(night, s).map((w): [number, number | null] => [w.startMs, w.endMs ?? w.startMs]) },
  ]);
  const axis = timeAxis(night);
  return renderWindows({
    title: `Who else felt it: AWS's windows and the model's${night.fixes.length === 0 ? '' : `, fixes: ${night.fixes.join(', ')}`} (seed ${night.config.seed})`,
    rows,
    xDomain: axis.xDomain,
    xTicks: axis.xTicks,
    formatX: axis.formatX,
    legend: ["AWS's summary (faded: no end given)", 'the model, from its DynamoDB, EC2 and NLB signals'],
  });
}
