import { ConfigError } from '../config-error.ts';

/**
 * Simulated time is milliseconds since 19 October 2025 00:00 PDT, the day the race
 * happened. Every model and scenario shares this epoch, so a trace of the DNS model and a
 * chart of DWFM leases line up on one axis.
 */
export const EPOCH_LABEL = '19 Oct 2025 00:00 PDT';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * A wall-clock time in PDT on 19 or 20 October, as simulated ms: `pdt('23:48')` is the
 * start of the outage, `pdt('02:25', 20)` the DNS repair.
 */
export function pdt(clock: string, day: 19 | 20 = 19): number {
  const m = CLOCK.exec(clock);
  if (m === null) throw new ConfigError('time', `${JSON.stringify(clock)} is not a clock time`, 'HH:MM, HH:MM:SS or HH:MM:SS.mmm');
  const [h, min, s, ms] = [m[1], m[2], m[3] ?? '0', (m[4] ?? '0').padEnd(3, '0')].map(Number) as [number, number, number, number];
  if (h > 23 || min > 59 || s > 59) throw new ConfigError('time', `${JSON.stringify(clock)} is out of range`, '00:00 to 23:59:59');
  return (day - 19) * DAY + h * HOUR + min * MINUTE + s * SECOND + ms;
}

/** `23:47:58.204`; `+1` marks the next day when `withDay` is set (`+1 02:25:00.000`). */
export function formatClock(ms: number, options: { readonly millis?: boolean; readonly withDay?: boolean } = {}): string {
  const day = Math.floor(ms / DAY);
  const rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  const m = Math.floor((rest % HOUR) / MINUTE);
  const s = Math.floor((rest % MINUTE) / SECOND);
  const milli = Math.floor(rest % SECOND);
  const base = `${pad(h)}:${pad(m)}:${pad(s)}${options.millis === false ? '' : `.${String(milli).padStart(3, '0')}`}`;
  return options.withDay === true && day > 0 ? `+${day} ${base}` : base;
}

/** `HH:MM`, for chart axes and tables. */
export function formatHourMinute(ms: number): string {
  return formatClock(ms, { millis: false }).slice(0, 5);
}

/** `2 h 37 min`, `4.2 s`, `850 ms`: durations for messages. */
export function formatDuration(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${(ms / SECOND).toFixed(1)} s`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  const h = Math.floor(ms / HOUR);
  const m = Math.round((ms % HOUR) / MINUTE);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
