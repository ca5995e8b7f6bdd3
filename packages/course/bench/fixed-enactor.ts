import type { EnactorProgram } from '../src/dns/index.ts';
import { DNS_INVARIANTS } from '../src/dns/invariants.ts';
import { createDnsModel } from '../src/dns/model.ts';
import { smallScope } from '../src/scenarios/dns-scenarios.ts';
import { exploreExhaustively } from '../src/sim/exhaustive.ts';
import { importOptional } from './optional.ts';
import { median, round, timeMs } from './stats.ts';

const SOLUTION = new URL('../../../solutions/02-generation-checks/src/enactor.ts', import.meta.url);
const KEYS = ['explore.smallScope.msFullFixed'];
const RUNS = 5;

function isEnactorProgram(value: unknown): value is EnactorProgram {
  if (typeof value !== 'object' || value === null) return false;
  const program = value as Partial<Record<keyof EnactorProgram, unknown>>;
  return typeof program.ready === 'function' && typeof program.describe === 'function' && typeof program.step === 'function';
}

/**
 * The complete exhaustive check of lesson 02's fixed Enactor on the SPIN-sized
 * configuration: every reachable state, every invariant (depth-first, so one path of
 * worlds in memory at a time). Warm: one run first, then the median of five.
 */
export async function benchFixedEnactor(): Promise<Record<string, number>> {
  const DnsEnactor = await importOptional(SOLUTION, 'DnsEnactor', KEYS, "lesson 02's solution, being written by the lead");
  if (typeof DnsEnactor !== 'function') throw new Error('solutions/02-generation-checks/src/enactor.ts: DnsEnactor is not a class');
  const enactor: unknown = Reflect.construct(DnsEnactor, []);
  if (!isEnactorProgram(enactor)) throw new Error('solutions/02-generation-checks/src/enactor.ts: DnsEnactor lacks ready, describe or step');
  const model = createDnsModel(smallScope.config, { name: 'smallScope', enactor });
  const check = () => exploreExhaustively(model, { invariants: DNS_INVARIANTS, stopAtFirst: false });
  const first = check();
  if (!first.complete) throw new Error(`the fixed Enactor's state space did not fit in the search (${first.states} states)`);
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) ms.push(timeMs(check));
  return {
    'explore.smallScope.msFullFixed': round(median(ms)),
    'explore.smallScope.fixedStates': first.states,
    'explore.smallScope.fixedViolations': first.violations,
  };
}
