import { describe, expect, it } from 'vitest';
import { ClassState, type Cell } from '../src/board.ts';
import { roomFeed } from '../src/room-feed.ts';

const MIN = 60_000;

/** A cell on `passed` of `total` steps, its first failing step failing since `since`. */
function cell(passed: number, total: number, since: number | null): Cell {
  const steps = Array.from({ length: total }, (_, i) => ({ name: `step ${i + 1}: thing ${i + 1}`, state: i < passed ? ('passed' as const) : ('failed' as const) }));
  return { steps, loadError: false, hints: 0, verdictAt: '2025-10-20T06:48:00.000Z', at: 0, since };
}

function classOf(learners: readonly { name: string; lesson: string; cell: Cell; left?: boolean }[]): ClassState {
  const state = new ClassState();
  learners.forEach((l, i) => {
    const id = `l${i}`;
    state.apply({ t: 'join', id, name: l.name, tokenHash: `h${i}`, at: 0 });
    state.apply({ t: 'cell', id, lesson: l.lesson, cell: l.cell, n: 1 });
    if (l.left === true) state.apply({ t: 'leave', id, at: 0 });
  });
  return state;
}

describe("the presenter's corner: the class at a glance", () => {
  it('counts the learners on each lesson, in lesson order, and names who is stuck longest, with step and minutes', () => {
    const state = classOf([
      { name: 'Ada', lesson: '02', cell: cell(1, 4, 5 * MIN) },
      { name: 'Grace', lesson: '02', cell: cell(2, 4, 1 * MIN) },
      { name: 'Hedy', lesson: '10', cell: cell(0, 3, 9 * MIN) },
      { name: 'Radia', lesson: '03', cell: cell(3, 3, null) },
      { name: 'Ken', lesson: '01', cell: cell(1, 9, 2 * MIN) },
      { name: 'Gone', lesson: '01', cell: cell(0, 9, 0), left: true },
    ]);
    expect(roomFeed(state, 20 * MIN)).toEqual({
      title: 'Class',
      items: [
        'Lesson 01: 1 learner',
        'Lesson 02: 2 learners',
        'Lesson 03: 1 learner',
        'Lesson 10: 1 learner',
        'Stuck longest: Grace, lesson 02 · step 3: thing 3 (19 min)',
        'Stuck longest: Ken, lesson 01 · step 2: thing 2 (18 min)',
        'Stuck longest: Ada, lesson 02 · step 2: thing 2 (15 min)',
      ],
    });
  });

  it('says so when nobody has joined, and shows nothing of anyone\'s code', () => {
    expect(roomFeed(new ClassState(), 0)).toEqual({ title: 'Class', items: ['Nobody has joined yet.'] });
    const feed = JSON.stringify(roomFeed(classOf([{ name: 'Ada', lesson: '02', cell: cell(0, 2, 0) }]), MIN));
    expect(Object.keys(JSON.parse(feed) as object)).toEqual(['title', 'items']);
  });
});
