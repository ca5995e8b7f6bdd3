import { describe, expect, it } from 'vitest';
import { KNOB_NIGHTS, defaults, readSetting, settingText, snap } from '../../src/live/knob-nights.ts';

describe('the what-if nights', () => {
  it('offer lesson 03 its floor and budget, and lesson 04 its queueShare, at the lessons own settings', () => {
    expect(Object.keys(KNOB_NIGHTS)).toEqual(['nlb-velocity', 'ec2-throttle']);
    const nlb = KNOB_NIGHTS['nlb-velocity'];
    const ec2 = KNOB_NIGHTS['ec2-throttle'];
    expect(nlb?.knobs.map((k) => [k.id, k.value])).toEqual([['floor', 2], ['budget', 1], ['window', 60]]);
    expect(ec2?.knobs.map((k) => [k.id, k.value])).toEqual([['queueShare', 0.5]]);
  });

  it('keep a setting as short text and read it back onto the knobs steps', () => {
    const night = KNOB_NIGHTS['ec2-throttle'];
    if (night === undefined) throw new Error('no ec2-throttle night');
    expect(settingText(defaults(night))).toBe('0.5');
    expect(readSetting(night, '0.75')).toEqual([0.75]);
    expect(readSetting(night, '0.77'), 'snapped to a step of 0.05').toEqual([0.75]);
    expect(readSetting(night, '9'), 'clamped to the range').toEqual([1.5]);
    expect(readSetting(night, 'x')).toBeNull();
    expect(readSetting(night, '0.5,1')).toBeNull();
    const knob = night.knobs[0];
    if (knob === undefined) throw new Error('no knob');
    expect(snap(knob, 0.3)).toBe(0.3);
  });

  it('draw another night when a knob moves, and the same chart for the same setting', () => {
    const night = KNOB_NIGHTS['nlb-velocity'];
    if (night === undefined) throw new Error('no nlb-velocity night');
    const lesson = night.draw([2, 1, 60], 1);
    expect(night.draw([2, 1, 60], 1)).toBe(lesson);
    const unlimited = night.draw([0, 3, 60], 1);
    expect(unlimited).not.toBe(lesson);
    expect(unlimited).toContain('floor 0 of 3 AZs, 3 AZs per 60 min');
  });
});
