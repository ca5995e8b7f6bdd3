import { describe, expect, it } from 'vitest';
import { ConfigError, formatClock, formatDuration, pdt } from '../../src/index.ts';

describe('the simulated clock', () => {
  it('maps PDT clock times on 19 and 20 October to simulated ms', () => {
    expect(formatClock(pdt('23:48'))).toBe('23:48:00.000');
    expect(pdt('02:25', 20) - pdt('23:48')).toBe((2 * 60 + 37) * 60_000);
    expect(formatClock(pdt('02:25', 20), { withDay: true })).toBe('+1 02:25:00.000');
  });

  it('formats durations for messages', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(37 * 60_000)).toBe('37 min');
    expect(formatDuration(157 * 60_000)).toBe('2 h 37 min');
  });

  it('rejects a time that is not a clock time, naming what is valid', () => {
    expect(() => pdt('25:00')).toThrow(ConfigError);
    expect(() => pdt('soon')).toThrow(/HH:MM/);
  });
});
