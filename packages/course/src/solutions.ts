import type { RegionFixes } from '@outage-lab/core';
import { regionFixes } from '../../../../solutions/05-cascade/src/fixes.ts';

/**
 * The fixes the replay switches on: lesson 05's solution, which wires in the solutions of
 * lessons 02 to 04. The workshop package may import solutions; the core never does.
 */
export function referenceFixes(): Required<RegionFixes> {
  const { enactor, failoverPolicy, throttle } = regionFixes();
  if (enactor === undefined || failoverPolicy === undefined || throttle === undefined) {
    throw new Error('solutions/05-cascade/src/fixes.ts: regionFixes() must return all three fixes (enactor, failoverPolicy, throttle)');
  }
  return { enactor, failoverPolicy, throttle };
}
