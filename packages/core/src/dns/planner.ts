import type { Actor, Outcome, StepContext } from '../sim/model.ts';
import { Rng } from '../sim/rng.ts';
import type { DnsConfig } from './config.ts';
import type { Plan, PlanTarget } from './plan-store.ts';
import type { DnsWorld } from './world.ts';

/**
 * DNS Planner: watches the load balancers' health and capacity and publishes a new
 * whole-Region plan every period, with a generation number that only grows.
 */
export const dnsPlanner: Actor<DnsWorld> = {
  id: 'dns-planner',
  code: 'P',
  ready: (world) => world.planner.published < world.planner.limit && !world.operator.automationOff,
  describe: (world) => `publish plan gen ${world.plans.newestGeneration + 1}`,
  step(world: DnsWorld, ctx: StepContext): Outcome {
    const plan = buildPlan(world.config, world.seed, world.plans.newestGeneration + 1, ctx.now);
    world.plans.put(plan);
    world.planner.published++;
    const regional = plan.entries['regional']?.length ?? 0;
    return { result: `gen ${plan.generation} stored (${regional} load balancers for the regional endpoint)`, ok: true, delayMs: world.config.plannerPeriodMs };
  },
  idleMs: () => Infinity,
  startMs: (world) => world.config.startMs + world.config.plannerPeriodMs,
};

/** How many plans the Planner will publish in this run. */
export function plannerLimit(config: DnsConfig): number {
  if (!Number.isFinite(config.plannerStopMs)) return config.maxPlans;
  if (config.plannerPeriodMs === 0) return config.maxPlans;
  const byTime = Math.floor((config.plannerStopMs - config.startMs) / config.plannerPeriodMs);
  return Math.max(0, Math.min(config.maxPlans, byTime));
}

/**
 * A plan's content depends only on the seed and its generation, never on how the actors
 * interleaved, so every schedule of one seed sees the same plans.
 */
export function buildPlan(config: DnsConfig, seed: number, generation: number, createdAt: number): Plan {
  const entries: Record<string, PlanTarget[]> = {};
  const keys = [...new Set(config.endpoints.map((e) => e.planKey))];
  keys.forEach((key, k) => {
    const empty = config.faults.some((f) => f.point === 'planner.empty-plan' && f.generation === generation && f.planKey === key);
    entries[key] = empty ? [] : targetsFor(config, seed, generation, k);
  });
  return { generation, createdAt, entries };
}

function targetsFor(config: DnsConfig, seed: number, generation: number, keyIndex: number): PlanTarget[] {
  const assigned: number[] = [];
  for (let i = 0; i < config.lbsPerEndpoint; i++) assigned.push((keyIndex * config.lbsPerEndpoint + i) % config.loadBalancers);
  const health = Rng.derive(seed, generation, keyIndex);
  const healthy = assigned.filter(() => !health.chance(config.lbUnhealthyChance));
  // The brief does not say what the Planner does when every load balancer of an endpoint
  // is unhealthy; ours keeps them all, so the faithful Planner never publishes an empty
  // entry. Empty plans come only from the `planner.empty-plan` fault.
  const chosen = healthy.length > 0 ? healthy : assigned;
  return chosen.map((lb) => {
    const { lb: id, ipv4, ipv6 } = loadBalancer(lb);
    return { lb: id, ipv4, ipv6, weight: 1 + health.int(0, 99) };
  });
}

/** Each load balancer's id and addresses, made once: the zone looks them up by these strings all night. */
const loadBalancers: { readonly lb: string; readonly ipv4: string; readonly ipv6: string }[] = [];

function loadBalancer(lb: number): { readonly lb: string; readonly ipv4: string; readonly ipv6: string } {
  let known = loadBalancers[lb];
  if (known === undefined) {
    known = { lb: `nlb-${String(lb).padStart(3, '0')}`, ipv4: `198.51.${100 + (lb >> 8)}.${lb & 255}`, ipv6: `2001:db8::${lb.toString(16)}` };
    loadBalancers[lb] = known;
  }
  return known;
}
