import { allFlags, type CommandGroup, type CommandTable, type Flag, type Positional } from './table.ts';

/** Help fits a terminal a learner has not widened. */
export const HELP_WIDTH = 80;

/** Words wrapped to `width`, every line after the first indented by `indent` spaces. */
export function wrap(text: string, width: number, indent: number): string[] {
  const lines: string[] = [];
  const lead = /^ */.exec(text)?.[0] ?? '';
  let line = lead;
  // A bracketed usage item (`[--port <port>]`, `[--[no-]distribution]`) is never split across lines.
  for (const word of text.slice(lead.length).match(/\[(?:[^[\]]|\[[^\]]*\])*\]|\S+/g) ?? []) {
    const candidate = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > width && line.trim() !== '') {
      lines.push(line);
      line = `${' '.repeat(indent)}${word}`;
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line);
  return lines;
}

export const positionalText = (p: Positional): string => {
  const name = `<${p.name}>${p.many === true ? ' ...' : ''}`;
  return p.optional === true || p.many === true ? `[${name}]` : name;
};

export const flagText = (name: string, flag: Flag): string => {
  if (flag.type === 'string') return `--${name} <${flag.value ?? 'value'}>`;
  return flag.negative === undefined ? `--${name}` : `--[no-]${name}`;
};

/** `npm run lesson -- <lesson> [--watch]`: the `--` npm needs before the arguments, when there are any. */
export function usageLine(table: CommandTable): string {
  const args = [...(table.positionals ?? []).map(positionalText), ...Object.entries(table.flags).map(([name, flag]) => `[${flagText(name, flag)}]`)].join(' ');
  if (args === '') return table.invocation;
  const separator = table.invocation.startsWith('npm ') && !table.invocation.includes(' -- ') ? ' -- ' : ' ';
  return `${table.invocation}${separator}${args}`;
}

const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?)]$/.test(text) ? '' : '.'}`;

/** Rows of a two-column list: the term, then its wrapped explanation beside it. */
function rows(entries: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(24, Math.max(...entries.map(([term]) => term.length)) + 2);
  return entries.flatMap(([term, text]) => {
    const indent = ' '.repeat(width + 4);
    const body = wrap(text, HELP_WIDTH - indent.length, 0).map((line) => `${indent}${line}`);
    // A term wider than the column gets a line of its own.
    if (term.length > width) return [`  ${term}`, ...body];
    return body.map((line, i) => (i === 0 ? `  ${term.padEnd(width)}  ${line.trimStart()}` : line));
  });
}

/** The examples the help does not already name. */
const withExamples = (help: string, examples: readonly string[] = []): string => {
  const fresh = examples.filter((e) => !help.includes(e));
  return fresh.length === 0 ? help : `${help} (e.g. ${fresh.join(', ')})`;
};

/** What `--help` prints: the usage line, what the command does, every argument and flag. */
export function helpText(table: CommandTable): string {
  const entries: [string, string][] = [
    ...(table.positionals ?? []).map((p): [string, string] => [positionalText(p), withExamples(p.help, p.examples)]),
    ...Object.entries(allFlags(table)).flatMap(([name, flag]): [string, string][] => [
      [`${flag.short === undefined ? '' : `-${flag.short}, `}${flag.type === 'boolean' ? `--${name}` : flagText(name, flag)}`, withExamples(flag.help, flag.examples)],
      ...(flag.negative === undefined ? [] : [[`--no-${name}`, flag.negative] as [string, string]]),
    ]),
  ];
  return [
    ...wrap(`usage: ${usageLine(table)}`, HELP_WIDTH, 4),
    '',
    ...wrap(sentence(table.summary), HELP_WIDTH, 0),
    '',
    ...rows(entries),
    ...(table.notes === undefined ? [] : ['', ...table.notes.flatMap((note) => wrap(note, HELP_WIDTH, 0))]),
  ].join('\n');
}

/** What `--help` prints for a group: each command's usage and summary. */
export function groupHelpText(group: CommandGroup): string {
  return [
    ...wrap(`usage: ${group.invocation} <command> [--help]`, HELP_WIDTH, 4),
    '',
    ...wrap(sentence(group.summary), HELP_WIDTH, 0),
    '',
    ...Object.values(group.commands).flatMap((table) => [...wrap(`  ${usageLine(table)}`, HELP_WIDTH, 6), ...wrap(`      ${table.summary}`, HELP_WIDTH, 6)]),
    '',
    ...rows([[`-h, --help`, `print this help and exit; after a command, that command's help`]]),
    ...(group.notes === undefined ? [] : ['', ...group.notes.flatMap((note) => wrap(note, HELP_WIDTH, 0))]),
  ].join('\n');
}
