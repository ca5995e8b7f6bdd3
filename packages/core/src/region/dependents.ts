import { formatDuration, formatHourMinute, pdt } from '../sim/clock.ts';
import { HELD_OUT_TOLERANCE } from './calibration.ts';
import { DYNAMO_ERROR_MARK, NLB_ERROR_MARK } from './phases.ts';
import type { RegionMinute, RegionNight } from './run.ts';

export type DependentName = 'lambda' | 'sts' | 'iamSignIn' | 'redshift';

/** A window of impact; `endMs` null when AWS gave only the start. */
export interface ImpactWindow {
  readonly startMs: number;
  readonly endMs: number | null;
}

/**
 * A service that fell with DynamoDB, modelled thin: it is impaired in a minute when the
 * signals on its dependency path are, with the Region's own marks. Nothing about it is
 * fitted: its windows are predictions from the night the four models produced.
 */
export interface DependentService {
  readonly name: DependentName;
  readonly label: string;
  /** AWS's impact windows (brief). */
  readonly aws: readonly ImpactWindow[];
  /** The dependency path AWS describes, and what the model simplifies. */
  readonly path: string;
  /** Why a window of this service misses AWS's by more than the tolerance, said beside it. */
  readonly shortfall?: string;
  impaired(minute: RegionMinute, night: RegionNight): boolean;
}

/** Most launch attempts refused: what a service that needs new instances feels. */
const LAUNCHES_MOSTLY_REFUSED = 0.5;
/** Impaired minutes closer than this belong to one window. */
const GAP_MS = 10 * 60_000;

const dynamoDown = (m: RegionMinute): boolean => m.dynamoErrorRate >= DYNAMO_ERROR_MARK;
/** The 01:15 mitigations let some internal services reach DynamoDB (brief); the Region's input. */
const beforeMitigation = (m: RegionMinute, night: RegionNight): boolean => m.time <= (night.config.operators.internalMitigationAt ?? Infinity);

export const DEPENDENT_SERVICES: readonly DependentService[] = [
  {
    name: 'lambda',
    label: 'Lambda',
    aws: [{ startMs: pdt('23:51'), endMs: pdt('14:15', 20) }],
    // Path: Lambda's internal systems keep function and event-source state in DynamoDB;
    // once DynamoDB was back, its worker fleet needed new EC2 instances (launch failures,
    // then instances without network) behind NLBs. Simplified: one yes/no per minute from
    // the Region's signals; the afternoon tail (EC2 fully recovered 13:50, NLB 14:09) has
    // no mechanism in the models, so the model's window ends when the signals clear.
    path: 'DynamoDB (function and event-source state), then EC2 launches and their network, then NLB',
    impaired: (m) => dynamoDown(m) || m.launchFailureRate >= LAUNCHES_MOSTLY_REFUSED || m.newInstancesLackNetwork || m.nlbErrorRate >= NLB_ERROR_MARK,
  },
  {
    name: 'sts',
    label: 'STS',
    aws: [
      { startMs: pdt('23:51'), endMs: pdt('01:19', 20) },
      { startMs: pdt('08:31', 20), endMs: pdt('09:59', 20) },
    ],
    // Path: STS reads from DynamoDB (first window, ended by the 01:15 mitigations for
    // internal services, a Region input), and serves behind NLBs (second window).
    // Simplified: one NLB stands for all of the Region's, so the model cannot tell when
    // STS's own load balancers were hit: its second window is the NLB's whole error phase.
    path: 'DynamoDB until the 01:15 mitigations reach it; later its load balancers (NLB)',
    shortfall: "one NLB stands for all the Region's, so the model cannot say when STS's own were hit; AWS's window lies inside the model's",
    impaired: (m, night) => (dynamoDown(m) && beforeMitigation(m, night)) || m.nlbErrorRate >= NLB_ERROR_MARK,
  },
  {
    name: 'iamSignIn',
    label: 'IAM console sign-in',
    aws: [{ startMs: pdt('23:51'), endMs: pdt('01:25', 20) }],
    // Path: console sign-in needs STS and IAM, which need DynamoDB; it came back with the
    // 01:15 mitigations. Simplified: sign-in is impaired exactly while that path is, with
    // no lag for sessions to be re-established.
    path: 'STS and IAM, which need DynamoDB, until the 01:15 mitigations',
    impaired: (m, night) => dynamoDown(m) && beforeMitigation(m, night),
  },
  {
    name: 'redshift',
    label: 'Redshift',
    aws: [{ startMs: pdt('23:47'), endMs: null }],
    // Path: Redshift's query processing and cluster workflows call DynamoDB, and replacing
    // nodes needs EC2 launches. AWS's summary gives only the start here; the model's end
    // is where its signals clear, not a comparison.
    path: 'DynamoDB, then EC2 launches for cluster workflows',
    impaired: (m) => dynamoDown(m) || m.launchFailureRate >= LAUNCHES_MOSTLY_REFUSED,
  },
];

/** The windows in which a dependent was impaired in this night. */
export function dependentWindows(night: RegionNight, service: DependentService): ImpactWindow[] {
  const windows: { startMs: number; endMs: number }[] = [];
  for (const m of night.minutes) {
    if (!service.impaired(m, night)) continue;
    const last = windows[windows.length - 1];
    if (last !== undefined && m.time - last.endMs <= GAP_MS) last.endMs = m.time;
    else windows.push({ startMs: m.time, endMs: m.time });
  }
  return windows;
}

/** One of AWS's windows beside the model's window with the same rank. */
export interface DependentComparison {
  readonly service: DependentName;
  readonly label: string;
  readonly aws: ImpactWindow;
  readonly model: ImpactWindow | null;
  /** Model start − AWS start. */
  readonly startErrorMs: number | null;
  /** Model duration ÷ AWS duration − 1; null without an AWS end or a model window. */
  readonly durationError: number | null;
}

export function compareDependents(night: RegionNight): DependentComparison[] {
  return DEPENDENT_SERVICES.flatMap((service) => {
    const model = dependentWindows(night, service);
    return service.aws.map((aws, i): DependentComparison => {
      const mine = model[i] ?? null;
      const duration = (w: ImpactWindow): number | null => (w.endMs === null ? null : w.endMs - w.startMs);
      const awsDuration = duration(aws);
      const modelDuration = mine === null ? null : duration(mine);
      return {
        service: service.name,
        label: service.label,
        aws,
        model: mine,
        startErrorMs: mine === null ? null : mine.startMs - aws.startMs,
        durationError: awsDuration === null || modelDuration === null || awsDuration === 0 ? null : modelDuration / awsDuration - 1,
      };
    });
  });
}

export function formatWindow(w: ImpactWindow | null): string {
  if (w === null) return 'none';
  if (w.endMs === null) return `from ${formatHourMinute(w.startMs)}`;
  return `${formatHourMinute(w.startMs)}–${formatHourMinute(w.endMs)} (${formatDuration(w.endMs - w.startMs)})`;
}

/**
 * AWS's windows beside the model's, one line per window, with the error; a window outside
 * ±25% (nothing is fitted to them: they are predictions) says why.
 */
export function formatDependents(night: RegionNight): string {
  const rows = compareDependents(night);
  const width = Math.max(...rows.map((r) => r.label.length));
  return rows
    .map((r) => {
      const shortfall = DEPENDENT_SERVICES.find((s) => s.name === r.service)?.shortfall ?? 'not explained';
      const error =
        r.durationError === null
          ? r.startErrorMs === null
            ? 'not seen in the model'
            : `start ${r.startErrorMs >= 0 ? '+' : '−'}${formatDuration(Math.abs(r.startErrorMs))} (AWS gives no end)`
          : `${r.durationError >= 0 ? '+' : '−'}${Math.abs(Math.round(r.durationError * 100))}%${Math.abs(r.durationError) > HELD_OUT_TOLERANCE ? ` (outside ±25%: ${shortfall})` : ''}`;
      return `${r.label.padEnd(width)}  AWS ${formatWindow(r.aws).padEnd(24)}  model ${formatWindow(r.model).padEnd(26)}  ${error}`;
    })
    .join('\n');
}

/** Each dependent's windows in each night, for the per-fix table. */
export function dependentWindowsByNight(nights: readonly RegionNight[]): { readonly label: string; readonly windows: readonly string[] }[] {
  return DEPENDENT_SERVICES.map((s) => ({
    label: s.label,
    windows: nights.map((n) => {
      const w = dependentWindows(n, s);
      return w.length === 0 ? 'none' : w.map((x) => `${formatHourMinute(x.startMs)}–${formatHourMinute(x.endMs ?? x.startMs)}`).join(', ');
    }),
  }));
}
