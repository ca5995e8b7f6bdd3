import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue, Kernel } from '../../src/index.ts';

describe('EventQueue', () => {
  it('pops events in time order, ties in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const queue = new EventQueue<number>();
        times.forEach((t, i) => queue.push(t, i));
        const popped: number[] = [];
        for (let i = queue.pop(); i !== undefined; i = queue.pop()) popped.push(i);
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((e) => e.i);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('reports the earliest time, and Infinity when empty', () => {
    const queue = new EventQueue<string>();
    expect(queue.peekTime()).toBe(Infinity);
    queue.push(30, 'late');
    queue.push(10, 'early');
    expect(queue.peekTime()).toBe(10);
    expect(queue.size).toBe(2);
  });
});

describe('Kernel', () => {
  it('runs handlers in virtual time and lets them schedule more', () => {
    const kernel = new Kernel(1);
    const seen: string[] = [];
    kernel.at(100, (k) => {
      seen.push(`a@${k.now}`);
      k.after(50, (k2) => seen.push(`c@${k2.now}`));
    });
    kernel.at(120, (k) => seen.push(`b@${k.now}`));
    kernel.runUntil(1000);
    expect(seen).toEqual(['a@100', 'b@120', 'c@150']);
    expect(kernel.now).toBe(1000);
    expect(kernel.processed).toBe(3);
  });

  it('refuses to schedule in the past', () => {
    const kernel = new Kernel(1, 500);
    expect(() => kernel.at(100, () => undefined)).toThrow(/before now/);
    expect(() => kernel.at(Number.NaN, () => undefined)).toThrow(/not a number/);
  });
});
