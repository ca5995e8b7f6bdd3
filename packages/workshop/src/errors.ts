/**
 * The two ways a command ends early. Both print as one line, never a stack trace:
 * a learner who mistypes a lesson number should read what to type instead.
 */

import { BadInput } from '@outage-lab/cli';

/** The command line itself is wrong (unknown lesson, missing argument, unknown flag): exit 2. */
export class UsageError extends BadInput {
  override name = 'UsageError';
}

/** The machine or the repository is not ready (old Node, no pristine copy): exit 1, with the fix. */
export class WorkshopError extends Error {
  override name = 'WorkshopError';
  constructor(
    problem: string,
    readonly fix: string,
  ) {
    super(problem);
  }
}
