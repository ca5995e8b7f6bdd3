import type { Actor, Model, StateCodec } from '../sim/model.ts';
import { createRecord } from './changes.ts';
import { createDnsCodec } from './codec.ts';
import { validateDnsConfig, type DnsConfig } from './config.ts';
import { DnsEnactor } from './enactor.ts';
import { EnactorSteps, type EnactorProgram } from './enactor-steps.ts';
import { alias, planSetName, rollbackName } from './records.ts';
import { leafRecords } from './enactor-kit.ts';
import { observeDns, type DnsObservation } from './observe.ts';
import { operator } from './operator.ts';
import { buildPlan, dnsPlanner, plannerLimit } from './planner.ts';
import { PlanStore } from './plan-store.ts';
import { Route53 } from './route53.ts';
import { cloneWorld, fingerprintWorld, ownState, type DnsWorld, type EnactorPhase, type EnactorState } from './world.ts';

/** The EnactorSteps method each phase's step runs: what a learner sees in their file. */
const STEP_METHODS: Readonly<Record<EnactorPhase, string>> = { idle: 'checkFreshness', lock: 'takeLock', apply: 'apply', cleanup: 'cleanUp' };

export interface DnsModelOptions {
  /** The Enactor program every AZ runs; the faithful one by default. */
  readonly enactor?: EnactorProgram;
  /** A name for schedule strings; defaults to `dns`. */
  readonly name?: string;
  /** Changes the starting state after the initial plan is applied (for lessons' start states). */
  readonly prepare?: (world: DnsWorld) => void;
}

export type DnsModel = Model<DnsWorld, DnsObservation>;

/** The DNS management system of one Region: a Planner, one Enactor per AZ, Route 53, and the operators. */
export function createDnsModel(config: DnsConfig, options: DnsModelOptions = {}): DnsModel {
  validateDnsConfig(config);
  const program = options.enactor ?? new DnsEnactor();
  const enactorActors: Actor<DnsWorld>[] = config.enactors.map((az, index) => {
    const state = (world: DnsWorld): EnactorState => world.enactors[index] as EnactorState;
    return {
      id: `enactor-${az}`,
      code: `a${az.slice(2)}`,
      ready: (world) => !world.operator.automationOff && program.ready(state(world), world),
      describe: (world) => program.describe(state(world), world),
      step: (world, ctx) => program.step(ownState(world, index), world, ctx),
      stepName: (world) => (program instanceof EnactorSteps ? STEP_METHODS[state(world).phase] : 'step'),
      // Switched off by the operators: it never looks for a plan again.
      idleMs: (world) => (world.operator.automationOff ? Infinity : world.config.enactorPollMs),
      // Stagger the first polls so the three AZs do not move in lock-step (not in the
      // exhaustive configurations, where nothing takes time).
      startMs: (world) => world.config.startMs + index * Math.min(7, world.config.enactorPollMs),
    };
  });
  let codec: StateCodec<DnsWorld> | undefined;
  return {
    name: options.name ?? 'dns',
    actors: [dnsPlanner, ...enactorActors, operator],
    init(rng) {
      const world = initialWorld(config, rng.seed);
      options.prepare?.(world);
      return world;
    },
    observe: observeDns,
    clone: cloneWorld,
    fingerprint: fingerprintWorld,
    // Built on first use: only the exhaustive search needs it. The exhaustive search
    // always starts from seed 0.
    get codec(): StateCodec<DnsWorld> {
      if (codec === undefined) {
        const template = initialWorld(config, 0);
        options.prepare?.(template);
        // The Planner, then each Enactor with the slot of its state, then the operators.
        codec = createDnsCodec(config, template, [null, ...config.enactors.map((_, slot) => slot), null]);
      }
      return codec;
    },
  };
}

/** Route 53 serving the first plan on every endpoint, locks free, every Enactor idle. */
function initialWorld(config: DnsConfig, seed: number): DnsWorld {
  const first = buildPlan(config, seed, config.firstGeneration, config.startMs);
  const plans = new PlanStore();
  plans.put(first);
  const route53 = new Route53();
  for (const endpoint of config.endpoints) {
    const set = planSetName(endpoint.name, first.generation);
    const created = route53.changeResourceRecordSets([
      ...leafRecords(endpoint, set, first).map(createRecord),
      createRecord(alias(endpoint.name, set)),
      createRecord(alias(rollbackName(endpoint.name), set)),
    ]);
    if (!created.ok) throw new Error(`initial zone for ${endpoint.name}: ${created.reason}`);
  }
  return {
    config,
    seed,
    route53,
    plans,
    planner: { published: 0, limit: plannerLimit(config) },
    enactors: config.enactors.map((az) => ({
      az,
      id: `enactor-${az}`,
      phase: 'idle',
      plan: null,
      endpoint: 0,
      lockSeen: null,
      rootSeen: null,
      rootSetExists: false,
      attempts: 0,
      lastApplied: first.generation,
      lastAttempted: first.generation,
      checkedAt: 0,
      checkedAgainst: 0,
    })),
    operator: { next: 0, repaired: false, automationOff: false },
  };
}

