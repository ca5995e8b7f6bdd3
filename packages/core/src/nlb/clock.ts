/**
 * Simulated time in the NLB model is milliseconds since 19 October 2025 00:00 PDT, the
 * day the DNS race began, so that one number line covers the whole night and the
 * timeline's wall-clock times can be written as they appear in AWS's summary.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Milliseconds since 19 Oct 00:00 PDT for a wall-clock time on 19 or 20 October, e.g. `atPdt(20, '05:30')`. */
export function atPdt(day: 19 | 20, hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || hours > 23 || minutes > 59) {
    throw new RangeError(`atPdt: "${hhmm}" is not a time of day (valid: HH:MM from 00:00 to 23:59)`);
  }
  return (day - 19) * DAY_MS + (hours * 60 + minutes) * MINUTE_MS;
}

/** `HH:MM` in PDT for a simulated time (the day is left out: every NLB event is on 20 Oct). */
export function formatPdt(ms: number): string {
  const minutesOfDay = Math.floor((((ms % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
  const hh = String(Math.floor(minutesOfDay / 60)).padStart(2, '0');
  const mm = String(minutesOfDay % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}
