/**
 * `npm run explore`: look for the race from the command line, or replay a counterexample.
 *   npm run explore                                  exhaustive search of smallScope
 *   npm run explore -- --scenario october2025Exploration --strategy random --runs 5000
 *   npm run explore -- --replay 'smallScope@replay#0:P.a1.P.P.P.a2.a2.a2.a1.a1.a2'
 *   npm run explore -- --replay 'october2025@timed#20251351'
 */
import { quietOnClosedPipe } from '@outage-lab/cli';
import { exploreMain } from './explore-command.ts';

quietOnClosedPipe();
process.exitCode = exploreMain(process.argv.slice(2), {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
});
