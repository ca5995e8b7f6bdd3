import { DAY, formatDuration, formatHourMinute, pdt } from '../sim/clock.ts';
import { DEPENDENT_TOLERANCE } from './calibration.ts';
import { DYNAMO_ERROR_MARK, NLB_ERROR_MARK } from './marks.ts';
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
 * fitted, but its windows inherit the fitted phases of the night the four models produced.
 */
export interface DependentService {
  readonly name: DependentName;
  readonly label: string;
  /** AWS's impact windows (brief). */
  readonly aws: readonly ImpactWindow[];
  /** The dependency path AWS describes, and what the model simplifies. */
  readonly path: string;
  /**
   * Why a window of this service misses AWS's, said beside it when it is outside the
   * tolerance or ends more than an hour before AWS's (a tail the models do not have).
   */
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
    shortfall:
      "the afternoon tail is not modelled: AWS gives new instances' connectivity trouble until 13:50 and NLB's recovery at 14:09, " +
      "but the models' Network Manager backlog drains by about 10:50 and AWS did not say what held connectivity back after 10:36",
    impaired: (m) => dynamoDown(m) || m.launchFailureRate >= LAUNCHES_MOSTLY_REFUSED || m.newInstancesLackNetwork || m.nlbWorstErrorRate >= NLB_ERROR_MARK,
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
    // Simplified: the model does not know which load balancers are STS's: its second
    // window is the span in which any of the Region's load balancers was hit.
    path: 'DynamoDB until the 01:15 mitigations reach it; later its load balancers (NLB)',
    shortfall: "the model does not know which of the Region's load balancers are STS's, so its second window is every hit load balancer's",
    impaired: (m, night) => (dynamoDown(m) && beforeMitigation(m, night)) || m.nlbWorstErrorRate >= NLB_ERROR_MARK,
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
    // AWS: clusters fully restored on 21 October at 04:05 PDT.
    aws: [{ startMs: pdt('23:47'), endMs: pdt('04:05', 20) + DAY }],
    // Path: Redshift's query processing and cluster workflows call DynamoDB, and replacing
    // nodes needs EC2 launches. The model's window ends where those signals clear.
    path: 'DynamoDB, then EC2 launches for cluster workflows',
    shortfall:
      "Redshift's own recovery, clusters restored by 21 Oct 04:05, is not modelled: its cluster workflows' backlog has no mechanism here, " +
      "and the Region's night ends at 14:20 on 20 Oct",
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
  const nextDay = w.endMs >= pdt('00:00', 20) + DAY ? ' 21 Oct' : '';
  return `${formatHourMinute(w.startMs)}–${formatHourMinute(w.endMs)}${nextDay} (${formatDuration(w.endMs - w.startMs)})`;
}

/** The model's window ends more than an hour before AWS's: a tail the models do not have. */
const TAIL_MS = 60 * 60_000;

function endsEarly(r: DependentComparison): boolean {
  return r.aws.endMs !== null && r.model?.endMs !== undefined && r.model.endMs !== null && r.aws.endMs - r.model.endMs > TAIL_MS;
}

/**
 * AWS's windows beside the model's, one line per window, with the error; a window outside
 * ±25%, or ending more than an hour before AWS's, says why.
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
          : `${r.durationError >= 0 ? '+' : '−'}${Math.abs(Math.round(r.durationError * 100))}%${
              Math.abs(r.durationError) > DEPENDENT_TOLERANCE ? ` (outside ±25%: ${shortfall})` : endsEarly(r) ? ` (ends early: ${shortfall})` : ''
            }`;
      return `${r.label.padEnd(width)}  AWS ${formatWindow(r.aws).padEnd(31)}  model ${formatWindow(r.model).padEnd(26)}  ${error}`;
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
