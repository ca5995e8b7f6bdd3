import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_PHASE_NAMES, type NightDistribution, type PhaseEdges, type Spread } from '@outage-lab/core';

/**
 * Distributions already computed, one file per key (`distributionKey`: the hash of the
 * code that computes it, the night's parameters and the seeds), outside the
 * repository's tracked files. A file that is missing is a miss; one that cannot be read
 * as a distribution under its key is a miss too, said in one line, and is written anew.
 */
export interface DistributionCache {
  read(key: string): NightDistribution | null;
  write(key: string, distribution: NightDistribution): void;
}

/** The key of what `prepareNightDistribution` would compute: a hash of its code and its inputs. */
export function distributionKey(prepared: { readonly code: Uint8Array; readonly inputs: string }): string {
  return createHash('sha256').update(prepared.code).update('\0').update(prepared.inputs).digest('hex');
}

export function distributionCache(dir: string, warn: (line: string) => void): DistributionCache {
  const file = (key: string): string => join(dir, `replay-distribution-${key.slice(0, 32)}.json`);
  return {
    read(key) {
      let text: string;
      try {
        text = readFileSync(file(key), 'utf8');
      } catch {
        return null;
      }
      try {
        const kept = JSON.parse(text) as { readonly key?: unknown; readonly distribution?: unknown };
        if (kept.key === key && isDistribution(kept.distribution)) return kept.distribution;
      } catch {
        // Not JSON: said below, like any other damage.
      }
      warn(`the kept distribution ${file(key)} is damaged; computing it again`);
      return null;
    },
    write(key, distribution) {
      try {
        mkdirSync(dir, { recursive: true });
        // Written whole, then renamed: a run stopped half-way never leaves half a file.
        const part = `${file(key)}.${process.pid}.part`;
        writeFileSync(part, `${JSON.stringify({ key, distribution })}\n`);
        renameSync(part, file(key));
      } catch (error) {
        warn(`could not keep the distribution in ${dir} (${error instanceof Error ? error.message : String(error)}); the next run computes it again`);
      }
    },
  };
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isSpread(value: unknown): value is Spread | null {
  if (value === null) return true;
  const s = value as Partial<Spread> | undefined;
  return typeof s === 'object' && isTime(s.p10) && isTime(s.p50) && isTime(s.p90);
}

function isPhase(value: unknown, name: string): value is PhaseEdges {
  const p = value as Partial<PhaseEdges> | null | undefined;
  return typeof p === 'object' && p !== null && p.phase === name && typeof p.label === 'string' && isCount(p.happened) && isSpread(p.start) && isSpread(p.end);
}

/** Every field the replay prints, of the right kind: anything else is a damaged file. */
function isDistribution(value: unknown): value is NightDistribution {
  const d = value as Partial<NightDistribution> | null | undefined;
  if (typeof d !== 'object' || d === null) return false;
  const counts = [d.nightsCounted, d.nightsRaced, d.seedsTried, d.seedsSampled].every(isCount);
  const share = typeof d.raceShare === 'number' && d.raceShare >= 0 && d.raceShare <= 1;
  const phases = Array.isArray(d.phases) && d.phases.length === REGION_PHASE_NAMES.length && d.phases.every((p, i) => isPhase(p, REGION_PHASE_NAMES[i] as string));
  return counts && share && isTime(d.windowMs) && isSpread(d.raceTimes) && phases;
}
