/**
 * What a search worker is doing, in memory the main thread can read while the worker is
 * busy: a step that never returns (a learner's `while (true)`) blocks the worker's own
 * event loop, so only shared memory can tell which step it is stuck in. The core reads
 * no clock; whoever started the search decides how long a step may take.
 */

/** [steps entered, actor index, step name index, 1 while a step runs]. */
const SLOTS = 4;

export function beaconMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * 4);
}

/** The worker's side: marks every step it enters and leaves. */
export class StepBeacon {
  readonly #slots: Int32Array;
  readonly #names = new Map<string, number>();
  readonly #announce: (names: readonly string[]) => void;

  /** `announce` is called with the whole list of step names whenever a new one is met. */
  constructor(memory: SharedArrayBuffer, announce: (names: readonly string[]) => void) {
    this.#slots = new Int32Array(memory);
    this.#announce = announce;
  }

  enter(actor: number, name: string): void {
    let index = this.#names.get(name);
    if (index === undefined) {
      index = this.#names.size;
      this.#names.set(name, index);
      // Sent before the step starts: a message posted from a thread that then spins is still delivered.
      this.#announce([...this.#names.keys()]);
    }
    const slots = this.#slots;
    slots[1] = actor;
    slots[2] = index;
    slots[3] = 1;
    Atomics.add(slots, 0, 1);
  }

  leave(): void {
    this.#slots[3] = 0;
  }
}

/** The main thread's side: reads a worker's beacon. */
export interface StepReading {
  /** Steps the worker has entered so far: unchanged between two readings means no progress. */
  readonly steps: number;
  /** Whether a step is running now. */
  readonly inStep: boolean;
  readonly actor: number;
  readonly name: number;
}

export function readBeacon(memory: SharedArrayBuffer): StepReading {
  const slots = new Int32Array(memory);
  return { steps: Atomics.load(slots, 0), inStep: Atomics.load(slots, 3) === 1, actor: Atomics.load(slots, 1), name: Atomics.load(slots, 2) };
}
