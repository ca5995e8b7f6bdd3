import { quietOnClosedPipe } from '@outage-lab/cli';
import { runCommand } from './command.ts';

quietOnClosedPipe();

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

process.exitCode = await runCommand(process.argv.slice(2), io);
