/** What automatic failover knows about one AZ when it decides. */
export interface AzStatus {
  readonly az: string;
  /** The share of the NLB's nodes in this AZ: the capacity its addresses carry in DNS. */
  readonly capacity: number;
  /** Fraction of the AZ's registered targets currently passing health checks. */
  readonly healthyFraction: number;
  /** Below the failover threshold: automatic failover would like it out of DNS. */
  readonly unhealthy: boolean;
  /** Its node addresses are withdrawn from DNS right now. */
  readonly withdrawn: boolean;
}

export interface FailoverInput {
  /** Simulated ms since 19 Oct 00:00 PDT. Calls come in time order. */
  readonly now: number;
  /** Every AZ of the NLB, in configured order. */
  readonly azs: readonly AzStatus[];
}

/**
 * Decides which AZs automatic failover keeps out of DNS. Called at every failover
 * evaluation while automatic failover is on; an AZ left out of the answer is published
 * (restored). Route 53 still fails open on top: if every AZ is withdrawn it answers with
 * all of them.
 *
 * A policy may keep history (what it removed and when), so every run needs a fresh one:
 * runs take a factory.
 */
export interface FailoverPolicy {
  decide(input: FailoverInput): readonly string[];
}

export type FailoverPolicyFactory = () => FailoverPolicy;

/**
 * What NLB had in October 2025: every AZ below the threshold is withdrawn at once, and
 * comes back as soon as it is above it again, however much capacity that moves.
 */
export function noVelocityControl(): FailoverPolicy {
  return {
    decide: ({ azs }) => azs.filter((az) => az.unhealthy).map((az) => az.az),
  };
}
