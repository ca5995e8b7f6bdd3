import type { Actor, Outcome, StepContext } from '../sim/model.ts';
import { createRecord, upsertRecord } from './changes.ts';
import { REGIONAL_ENDPOINT } from './config.ts';
import { alias, planSetName, rollbackName } from './records.ts';
import { leafRecords } from './enactor-kit.ts';
import type { DnsWorld } from './world.ts';

/**
 * The engineers at 02:25: automation was wedged and could not fix itself, so they restored
 * the records by hand (`repair-dns`): for every endpoint whose active set is gone they
 * build the newest stored plan's set and point the root and rollback ALIASes at it. AWS
 * also switched the DNS Planner and Enactor automation off worldwide until the race is
 * fixed (`disable-automation`): from then on no plan is published or applied, and the
 * records stay as the operators left them.
 */
export const operator: Actor<DnsWorld> = {
  id: 'operator',
  code: 'O',
  ready: (world) => world.operator.next < world.config.operator.length,
  describe: (world) => world.config.operator[world.operator.next]?.action ?? 'nothing',
  step(world: DnsWorld, ctx: StepContext): Outcome {
    const action = world.config.operator[world.operator.next]?.action;
    world.operator.next++;
    const following = world.config.operator[world.operator.next];
    const delayMs = following === undefined ? 0 : Math.max(0, following.at - ctx.now);
    if (action === 'disable-automation') {
      // They respond to what they saw: a night that needed no repair leaves the automation on.
      if (!world.operator.repaired) return { result: 'nothing was broken: automation left on', ok: true, delayMs };
      world.operator.automationOff = true;
      return { result: 'DNS Planner and Enactor automation switched off', ok: true, delayMs };
    }
    const plan = world.plans.newest();
    if (plan === undefined) return { result: 'no stored plan to restore from', ok: false, delayMs };
    const repaired: string[] = [];
    for (const endpoint of world.config.endpoints) {
      const root = world.route53.get(endpoint.name, 'ALIAS');
      if (root !== undefined && world.route53.exists(root.value)) continue;
      const set = planSetName(endpoint.name, plan.generation);
      const changes = [
        ...(world.route53.exists(set) ? [] : leafRecords(endpoint, set, plan).map(createRecord)),
        upsertRecord(alias(endpoint.name, set)),
        upsertRecord(alias(rollbackName(endpoint.name), set)),
      ];
      const result = world.route53.changeResourceRecordSets(changes);
      if (result.ok) repaired.push(endpoint.name === REGIONAL_ENDPOINT ? 'the regional endpoint' : endpoint.name);
    }
    if (repaired.length > 0) world.operator.repaired = true;
    return {
      result: repaired.length === 0 ? 'nothing to repair' : `restored ${repaired.join(', ')} to gen ${plan.generation} by hand`,
      ok: true,
      delayMs,
    };
  },
  idleMs: () => Infinity,
  startMs: (world) => world.config.operator[0]?.at ?? Infinity,
};
