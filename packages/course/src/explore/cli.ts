/**
 * `npm run explore`: look for the race from the command line, or replay a counterexample.
 *   npm run explore                                  exhaustive search of smallScope
 *   npm run explore -- --scenario realScope --all-invariants --workers 2 \
 *     --enactor exercises/02-generation-checks/src/enactor.ts
 *                                                    every state of the night's real size, your Enactor
 *   npm run explore -- --scenario october2025Exploration --strategy random --runs 5000
 *   npm run explore -- --replay 'smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2'
 *   npm run explore -- --replay 'october2025@timed#20251351'
 */
import { invokedDirectly, quietOnClosedPipe } from '@outage-lab/cli';
import { exploreMain } from './explore-command.ts';

export { entry } from './explore-command.ts';

if (invokedDirectly(import.meta.url)) {
  quietOnClosedPipe();
  process.exitCode = await exploreMain(process.argv.slice(2), {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (line) => void process.stderr.write(`${line}\n`),
  });
}
