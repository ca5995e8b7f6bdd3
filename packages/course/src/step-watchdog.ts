import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loopGraceMs } from './time-budgets.ts';

/**
 * Spots a lesson step stuck in a loop. Vitest's timeout is a timer, and a timer cannot
 * fire while synchronous code spins, so a learner's endless `while` would hang the run
 * without a word. Each lesson step instead leaves a mark (a small file, written before
 * it starts and removed after it ends: lesson-setup.ts); a mark older than the step's
 * budget plus a grace period belongs to a step that never gave control back.
 */
export const STEP_MARKS_ENV = 'OUTAGE_LAB_STEP_MARKS';

export interface StepMark {
  readonly title: string;
  readonly file: string;
  readonly timeoutMs: number;
}

export interface StuckStep extends StepMark {
  readonly runningMs: number;
}

export interface StepWatchdog {
  /** Resolves with the first step found stuck; never, if none is. */
  readonly stuck: Promise<StuckStep>;
  stop(): void;
}

/** Starts watching; lesson steps run after this (in this process's workers) leave their marks for it. */
export function watchSteps(intervalMs = 1000): StepWatchdog {
  const graceMs = loopGraceMs();
  const dir = mkdtempSync(join(tmpdir(), 'outage-lab-steps-'));
  process.env[STEP_MARKS_ENV] = dir;
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<StuckStep>((resolve) => {
    timer = setInterval(() => {
      for (const name of safeList(dir)) {
        const found = readMark(join(dir, name));
        if (found !== null && found.runningMs > found.timeoutMs + graceMs) {
          clearInterval(timer);
          resolve(found);
          return;
        }
      }
    }, intervalMs);
    timer.unref();
  });
  return {
    stuck,
    stop: () => {
      clearInterval(timer);
      delete process.env[STEP_MARKS_ENV];
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readMark(path: string): StuckStep | null {
  try {
    const mark = JSON.parse(readFileSync(path, 'utf8')) as Partial<StepMark>;
    if (typeof mark.title !== 'string' || typeof mark.file !== 'string' || typeof mark.timeoutMs !== 'number') return null;
    return { title: mark.title, file: mark.file, timeoutMs: mark.timeoutMs, runningMs: Date.now() - statSync(path).mtimeMs };
  } catch {
    // Removed between listing and reading: that step ended.
    return null;
  }
}
