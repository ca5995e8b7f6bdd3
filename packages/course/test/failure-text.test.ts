import { describe, expect, it } from 'vitest';
import { FAILURE_LINES, failureLines, failureProblems, splitFailure } from '../src/failure-text.ts';

const STORY = "At 04:14 the head of DWFM's queue was a lease request whose droplet stopped waiting a minute earlier.";

describe('what a learner reads of a failed step', () => {
  it("keeps the lesson's words and sets Vitest's account of the assertion apart", () => {
    expect(splitFailure(`${STORY}: expected false to be true // Object.is equality`)).toEqual({ story: STORY, vitest: 'expected false to be true // Object.is equality' });
    expect(splitFailure(`60 of the queues were throttled wrongly; the first:\nA line.: expected 60 to be +0 // Object.is equality`).story).toBe('60 of the queues were throttled wrongly; the first:\nA line.');
    expect(splitFailure("expected [ 'a' ] to deeply equal []")).toEqual({ story: '', vitest: "expected [ 'a' ] to deeply equal []" });
    expect(splitFailure('The resolver expected an answer: none came.')).toEqual({ story: 'The resolver expected an answer: none came.', vitest: null });
  });

  it("shows Vitest's words only when asked, and a message of nothing else as it is", () => {
    const message = `${STORY}: expected false to be true // Object.is equality`;
    expect(failureLines(message)).toEqual([STORY]);
    expect(failureLines(message, { verbose: true }).join('\n')).toContain('Object.is equality');
    expect(failureLines("expected [ 'a' ] to deeply equal []")).toEqual(["expected [ 'a' ] to deeply equal []"]);
  });

  it('cuts a long story in the middle, never its end, and marks the cut', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    const shown = failureLines(`${lines.join('\n')}\nThe stale write broke it.`);
    expect(shown).toHaveLength(FAILURE_LINES);
    expect(shown[0]).toBe('line 0');
    expect(shown.at(-1)).toBe('The stale write broke it.');
    expect(shown.find((l) => l.startsWith('⋮'))).toMatch(/lines not shown \(--verbose shows them\)/);
  });

  it("names what does not tell the incident: Vitest's words, no closing sentence, a timeline that stops short", () => {
    expect(failureProblems([STORY])).toEqual([]);
    expect(failureProblems(['expected 60 to be +0 // Object.is equality'])[0]).toMatch(/Vitest's words/);
    expect(failureProblems(['(60 of the queues this step tried were throttled wrongly)'])).toEqual([expect.stringMatching(/does not end in a sentence/)]);
    const header = '✖ no-stale-write broken after step 13: gen 3 overwrote gen 4';
    const cut = [header, '  seed: 1', '23:47:00  enactor-az1  take lock  → lock is free', 'The Enactor wrote an old plan.'];
    expect(failureProblems(cut)).toEqual([expect.stringMatching(/"no-stale-write" broke after step 13, but its timeline never shows that step/)]);
    expect(failureProblems([...cut.slice(0, 3), '23:48:01  ✖ no-stale-write: gen 3 overwrote gen 4', 'The Enactor wrote an old plan.'])).toEqual([]);
    const told = ['generation-never-regresses broke after step 13 of 13.', '00:00:00.000  enactor-az1  take lock  → lock is free', 'A stale plan overwrote a newer one.'];
    expect(failureProblems(told)).toEqual([expect.stringMatching(/"generation-never-regresses" broke after step 13/)]);
    expect(failureProblems([...told.slice(0, 2), '00:00:00.000  ✖ generation-never-regresses: gen 3 to gen 2', told[2] ?? ''])).toEqual([]);
  });
});
