import { DnsEnactor, type EnactorProgram } from '@outage-lab/core';
import { fixedEnactor } from '../solutions.ts';

/** Which Enactor a player runs: the one from October, or lesson 02's with generation checks. */
export const ENACTOR_PROGRAMS: Readonly<Record<string, () => EnactorProgram>> = {
  faithful: () => new DnsEnactor(),
  fixed: fixedEnactor,
};
