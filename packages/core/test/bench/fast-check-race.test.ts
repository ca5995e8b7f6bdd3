import { describe, expect, it } from 'vitest';
import { runRace, type RaceScheduler } from '../../bench/fast-check-race.ts';
import { Rng, createDnsModel, smallScopeConfig, type DnsModel } from '../../src/index.ts';
import { regionalEndpointResolves } from '../../src/judge.ts';

/** One step of a core run: which actors could move, and which one did. */
interface Step {
  readonly ready: readonly string[];
  readonly moved: string;
}

/** A uniformly random core run that records who could move at every step; true if the regional endpoint emptied. */
function coreRun(model: DnsModel, seed: number): { steps: Step[]; emptied: boolean } {
  const rng = new Rng(seed);
  const world = model.init(rng);
  const steps: Step[] = [];
  let emptied = false;
  for (;;) {
    const ready = model.actors.filter((a) => a.ready(world));
    if (ready.length === 0) break;
    const actor = rng.pick(ready);
    steps.push({ ready: ready.map((a) => a.code).sort(), moved: actor.code });
    actor.step(world, { now: 0, rng });
    if (regionalEndpointResolves.check(model.observe(world, 0), null) !== null) emptied = true;
  }
  return { steps, emptied };
}

/** Enough microtask turns for a released task to run up to its next scheduled step. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/**
 * Drives the fast-check model with a core run's schedule. Before every step the actors
 * with a step pending must be exactly the core's ready actors; then the one the core
 * moved is released.
 */
class ReplayScheduler implements RaceScheduler {
  readonly #pending: { code: string; release: () => void }[] = [];

  constructor(private readonly steps: readonly Step[]) {}

  schedule<T>(task: Promise<T>, label = ''): Promise<T> {
    return new Promise<T>((resolve) => this.#pending.push({ code: label.split(' ')[0] ?? '', release: () => resolve(task) }));
  }

  async waitFor<T>(done: Promise<T>): Promise<T> {
    for (const [index, step] of this.steps.entries()) {
      await settle();
      const pending = this.#pending.map((p) => p.code).sort();
      if (pending.join() !== step.ready.join()) {
        throw new Error(`before step ${index} the core could move [${step.ready.join(', ')}], the fast-check model [${pending.join(', ')}]`);
      }
      const next = this.#pending.findIndex((p) => p.code === step.moved);
      this.#pending.splice(next, 1)[0]?.release();
    }
    await settle();
    if (this.#pending.length > 0) throw new Error(`the core's run was over, but the fast-check model could still move [${this.#pending.map((p) => p.code).join(', ')}]`);
    return done;
  }
}

describe("the bench's fast-check model of the race is the core's mechanism", () => {
  const model = createDnsModel(smallScopeConfig(), { name: 'smallScope' });

  it('lets the same actors move at every step and empties the regional endpoint on exactly the same schedules', async () => {
    let emptied = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const core = coreRun(model, seed);
      const schedule = core.steps.map((s) => s.moved).join('.');
      const story = await runRace(new ReplayScheduler(core.steps));
      expect(story !== null, `seed ${seed} (${schedule}): the core's Enactors ${core.emptied ? 'emptied' : 'kept'} the regional endpoint, the fast-check model ${story ?? 'kept it answering'}`).toBe(core.emptied);
      if (core.emptied) emptied++;
    }
    expect(emptied, 'no schedule in 400 emptied the regional endpoint, so the comparison proves nothing').toBeGreaterThan(0);
  });
});
