import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPhaseBasisMarkdown } from '../../src/index.ts';

const calibration = readFileSync(new URL('../../CALIBRATION.md', import.meta.url), 'utf8');

describe("one label table: the replay's phase labels are CALIBRATION.md's", () => {
  it('CALIBRATION.md holds REGION_PHASE_BASIS as the replay prints it, between its phase-basis markers', () => {
    const found = /<!-- phase-basis:start -->\n([\s\S]*?)\n<!-- phase-basis:end -->/.exec(calibration)?.[1];
    expect(found, 'CALIBRATION.md lost its phase-basis markers').toBeDefined();
    expect(found, 'CALIBRATION.md and the replay label a phase edge differently; paste this table between the markers').toBe(formatPhaseBasisMarkdown());
  });

  it('uses the three sources it defines, and no phase is called held out or a prediction', () => {
    expect(calibration).not.toMatch(/held out:|a prediction|predicted/i);
    const sources = [...calibration.matchAll(/^\| `[^|]+` \|[^|]*\|[^|]*\| (\w+)/gm)].map((m) => m[1]);
    const unknown = sources.filter((s) => !['brief', 'chosen', 'fitted'].includes(s ?? ''));
    expect(unknown, 'every parameter row starts its source with brief, chosen or fitted').toEqual([]);
  });
});
