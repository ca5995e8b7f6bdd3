import { entryHelp, invokedDirectly, quietOnClosedPipe, type Entry } from '@outage-lab/cli';
import { planSlides, runCommand, slidesCommands } from '@outage-lab/slides';
import { deckSources } from './sources.ts';

/** `npm run slides[:build|:pdf]`: the generic deck engine's command, given this course's decks, diagrams and agenda. */
const sources = deckSources();

export const entry: Entry = {
  commands: slidesCommands(sources.invocations),
  read: (argv) => {
    const help = entryHelp(slidesCommands(sources.invocations), argv);
    if (help === null) planSlides(argv, sources);
    return help;
  },
};

if (invokedDirectly(import.meta.url)) {
  quietOnClosedPipe();
  const io = {
    out: (line: string) => process.stdout.write(`${line}\n`),
    err: (line: string) => process.stderr.write(`${line}\n`),
  };
  process.exitCode = await runCommand(process.argv.slice(2), io, sources);
}
