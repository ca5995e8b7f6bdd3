import { ConfigError } from '../config-error.ts';
import type { FailoverConfig, TimeRange } from './config.ts';
import type { AzStatus, FailoverPolicy } from './policy.ts';

/** One change to the NLB's DNS records: an AZ's node addresses withdrawn or restored. */
export interface DnsChange {
  readonly time: number;
  readonly az: string;
  readonly change: 'withdrawn' | 'restored';
  /** `failover`: the policy decided it; `operator`: automatic failover was switched off. */
  readonly by: 'failover' | 'operator';
}

/**
 * Automatic AZ DNS failover for one NLB, and Route 53's answer. The policy decides which
 * AZs to withdraw; switching automatic failover off restores every AZ; Route 53 answers
 * with the published AZs, or with all of them when none is published (fail open).
 */
export class AzFailover {
  readonly #withdrawn: Uint8Array;
  /** 1 where Route 53's answer includes the AZ's node address. */
  readonly answer: Uint8Array;
  readonly changes: DnsChange[] = [];
  readonly #disabled: TimeRange[];

  constructor(
    readonly azs: readonly string[],
    readonly config: FailoverConfig,
    readonly policy: FailoverPolicy,
    /** Called for each withdrawal or restore (the NLB re-checks that AZ's targets). */
    readonly onChange: (az: number) => void,
  ) {
    this.#disabled = [...config.disabled];
    this.#withdrawn = new Uint8Array(azs.length);
    this.answer = new Uint8Array(azs.length).fill(1);
  }

  automaticAt(now: number): boolean {
    return !this.#disabled.some((range) => now >= range.from && now < range.until);
  }

  /** The operators switch automatic failover off for `range`, decided while the run goes on. */
  disable(range: TimeRange): void {
    this.#disabled.push(range);
  }

  /** Share of the NLB's nodes in Route 53's answer. */
  get publishedCapacity(): number {
    let published = 0;
    for (const a of this.answer) published += a;
    return published / this.azs.length;
  }

  /** One evaluation: the policy's decision (or the operators' switch), then Route 53's answer. */
  evaluate(now: number, healthyFractions: Float64Array): void {
    const automatic = this.automaticAt(now);
    const next = new Uint8Array(this.azs.length);
    if (automatic) {
      const decision = this.policy.decide({ now, azs: this.#statuses(healthyFractions) });
      for (const name of decision) {
        const az = this.azs.indexOf(name);
        if (az < 0) throw new ConfigError('policy', `decided to withdraw "${String(name)}", which is not one of the NLB's AZs`, this.azs.join(', '));
        next[az] = 1;
      }
    }
    for (let az = 0; az < this.azs.length; az++) {
      if (next[az] === this.#withdrawn[az]) continue;
      this.#withdrawn[az] = next[az] as number;
      this.changes.push({ time: now, az: this.azs[az] as string, change: next[az] === 1 ? 'withdrawn' : 'restored', by: automatic ? 'failover' : 'operator' });
      this.onChange(az);
    }
    const allWithdrawn = this.#withdrawn.every((w) => w === 1);
    for (let az = 0; az < this.azs.length; az++) this.answer[az] = allWithdrawn || this.#withdrawn[az] === 0 ? 1 : 0;
  }

  #statuses(healthyFractions: Float64Array): AzStatus[] {
    const capacity = 1 / this.azs.length;
    return this.azs.map((az, i) => {
      const healthyFraction = healthyFractions[i] as number;
      return { az, capacity, healthyFraction, unhealthy: healthyFraction < this.config.threshold, withdrawn: this.#withdrawn[i] === 1 };
    });
  }
}
