import { runCommand } from '@outage-lab/slides';
import { deckSources } from './sources.ts';

/** `npm run slides[:build|:pdf]`: the generic deck engine's command, given this course's decks, diagrams and agenda. */
const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

process.exitCode = await runCommand(process.argv.slice(2), io, deckSources());
