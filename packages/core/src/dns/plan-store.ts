/** One load balancer in a plan: where clients should go and how much of the traffic. */
export interface PlanTarget {
  readonly lb: string;
  readonly ipv4: string;
  readonly ipv6: string;
  readonly weight: number;
}

/**
 * A whole-Region plan (talk: a JSON document in S3). `entries` is keyed by plan key, not
 * endpoint: the regional endpoint and its IPv6 twin read the same `regional` entry, which
 * is why both went empty together.
 */
export interface Plan {
  readonly generation: number;
  readonly createdAt: number;
  readonly entries: Readonly<Record<string, readonly PlanTarget[]>>;
}

/** The history of plans by generation. Generations only grow. */
export class PlanStore {
  #plans: Map<number, Plan>;
  #newest: number;
  /** Whether `#plans` is shared with a copy: copied on the first write (most steps of a search only read). */
  #shared = false;
  /** `sortedGenerations`, until the next write. */
  #sorted: readonly number[] | null = null;

  constructor(plans?: Map<number, Plan>, newest = 0) {
    this.#plans = plans ?? new Map();
    this.#newest = newest;
  }

  clone(): PlanStore {
    const copy = new PlanStore(this.#plans, this.#newest);
    copy.#shared = true;
    copy.#sorted = this.#sorted;
    this.#shared = true;
    return copy;
  }

  put(plan: Plan): void {
    if (plan.generation <= this.#newest) {
      throw new RangeError(`PlanStore: generation ${plan.generation} is not newer than ${this.#newest}`);
    }
    this.#writable().set(plan.generation, plan);
    this.#newest = plan.generation;
  }

  get(generation: number): Plan | undefined {
    return this.#plans.get(generation);
  }

  /** The newest generation ever stored (it stays known after clean-up deletes the plan). */
  get newestGeneration(): number {
    return this.#newest;
  }

  newest(): Plan | undefined {
    return this.#plans.get(this.#newest);
  }

  generations(): number[] {
    return [...this.sortedGenerations()];
  }

  /**
   * The stored generations in increasing order, shared and not to be changed: the
   * exhaustive search reads them for every state it encodes, and copies of a store share
   * them until one of them writes.
   */
  sortedGenerations(): readonly number[] {
    if (this.#sorted === null) {
      const generations = [...this.#plans.keys()];
      // Generations are put in increasing order, so the keys are usually sorted already.
      for (let i = 1; i < generations.length; i++) {
        if ((generations[i] as number) < (generations[i - 1] as number)) {
          generations.sort((a, b) => a - b);
          break;
        }
      }
      this.#sorted = generations;
    }
    return this.#sorted;
  }

  delete(generation: number): boolean {
    return this.#plans.has(generation) && this.#writable().delete(generation);
  }

  #writable(): Map<number, Plan> {
    this.#sorted = null;
    if (this.#shared) {
      this.#plans = new Map(this.#plans);
      this.#shared = false;
    }
    return this.#plans;
  }
}
