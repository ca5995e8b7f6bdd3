import { describe, expect, it } from 'vitest';
import { BadInput, parseCommand, pickCommand, type CommandGroup, type CommandTable } from '../src/index.ts';

const PORT_CHECK = (value: string): void => {
  if (!/^\d{1,5}$/.test(value)) throw new BadInput(`--port ${JSON.stringify(value)} is not a port`);
};

const LESSON: CommandTable = {
  name: 'lesson',
  invocation: 'npm run lesson',
  script: 'lesson',
  summary: "run one lesson's tests",
  positionals: [{ name: 'lesson', help: 'a lesson' }],
  flags: { watch: { type: 'boolean', help: 're-run on save' }, port: { type: 'string', value: 'port', help: 'a port', check: PORT_CHECK } },
};

const refusal = (table: CommandTable, argv: readonly string[], env: Record<string, string> = {}): string => {
  try {
    parseCommand(table, argv, { env });
  } catch (error) {
    expect(error).toBeInstanceOf(BadInput);
    return `${(error as BadInput).command ?? ''}: ${(error as BadInput).message}`;
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`);
};

describe('parseCommand: one wording for every problem, naming what is valid', () => {
  it.each([
    [['01', '--wach'], 'lesson: unknown option "--wach" (valid: --watch, --port <port>, --help)'],
    [['01', '--wach=1'], 'lesson: unknown option "--wach" (valid: --watch, --port <port>, --help)'],
    [['01', '-x'], 'lesson: unknown option "-x" (valid: --watch, --port <port>, --help)'],
    [['01', '--watch=yes'], 'lesson: --watch takes no value (valid: --watch on its own)'],
    [['01', '--port'], 'lesson: --port needs a value (valid: --port <port> or --port=<port>)'],
    [['01', '--port', 'http'], 'lesson: --port "http" is not a port'],
    [['01', '--port', '-1'], 'lesson: --port "-1" is not a port'],
    [['01', '02'], 'lesson: unexpected argument "02" (valid: npm run lesson -- <lesson> [--watch] [--port <port>])'],
    [[], 'lesson: missing <lesson>: a lesson (valid: npm run lesson -- <lesson> [--watch] [--port <port>])'],
  ])('%j', (argv, line) => {
    expect(refusal(LESSON, argv)).toBe(line);
  });

  it('reads flags, --no- switches and positionals', () => {
    expect(parseCommand(LESSON, ['02', '--watch', '--port=8080'])).toEqual({ help: false, flags: { watch: true, port: '8080' }, positionals: ['02'] });
    expect(parseCommand(LESSON, ['02', '--no-watch']).flags).toEqual({ watch: false });
  });

  it('answers --help and -h anywhere before a --, over any other problem', () => {
    for (const argv of [['--help'], ['-h'], ['01', '--wach', '--help'], ['9', '9', '-h']]) expect(parseCommand(LESSON, argv).help, JSON.stringify(argv)).toBe(true);
    expect(refusal(LESSON, ['01', '--', '--help'])).toMatch(/^lesson: unexpected argument "--help"/);
  });

  it('lets the command name a missing positional better, when it knows the choices', () => {
    expect(() => parseCommand(LESSON, [], { missing: () => 'which lesson? (valid: 01, 02)' })).toThrow('which lesson? (valid: 01, 02)');
  });

  it('takes back the flags npm kept when the -- was forgotten, under its own script only', () => {
    const env = { npm_lifecycle_event: 'lesson', npm_config_watch: 'true', npm_config_port: '8080' };
    expect(parseCommand(LESSON, ['01'], { env }).flags).toEqual({ watch: true, port: '8080' });
    expect(parseCommand(LESSON, ['01'], { env: { ...env, npm_lifecycle_event: 'hint' } }).flags).toEqual({});
    // `npm run lesson 01 --port 8080`: npm took --port as a switch and 8080 went astray.
    expect(refusal(LESSON, ['01', '8080'], { npm_lifecycle_event: 'lesson', npm_config_port: 'true' })).toBe(
      'lesson: npm took --port for itself (valid: put -- before the flags, npm run lesson -- --port <port>)',
    );
    expect(refusal(LESSON, ['01'], { npm_lifecycle_event: 'lesson', npm_config_port: 'http' })).toBe('lesson: --port "http" is not a port');
  });

  it('reads a flag whose --no- means something of its own, and takes back npm’s empty value for it', () => {
    const replay: CommandTable = { name: 'replay', invocation: 'npm run replay', script: 'replay', summary: 'the night', flags: { distribution: { type: 'boolean', help: 'only the distribution', negative: 'only the night' } } };
    expect(parseCommand(replay, ['--no-distribution']).flags).toEqual({ distribution: false });
    expect(parseCommand(replay, []).flags, 'neither: the default, which is neither').toEqual({});
    // `npm run replay --no-distribution`: npm keeps it as npm_config_distribution=''.
    expect(parseCommand(replay, [], { env: { npm_lifecycle_event: 'replay', npm_config_distribution: '' } }).flags).toEqual({ distribution: false });
    expect(parseCommand(LESSON, ['01'], { env: { npm_lifecycle_event: 'lesson', npm_config_watch: '' } }).flags, 'a plain switch is not guessed at').toEqual({});
    expect(refusal(replay, ['--distrib'])).toBe('replay: unknown option "--distrib" (valid: --[no-]distribution, --help)');
  });

  it('takes any number of a `many` positional, and none', () => {
    const build: CommandTable = { name: 'slides', invocation: 'slides build', summary: 'build', positionals: [{ name: 'deck', many: true, help: 'a deck' }], flags: {} };
    expect(parseCommand(build, []).positionals).toEqual([]);
    expect(parseCommand(build, ['a', 'b', 'c']).positionals).toEqual(['a', 'b', 'c']);
  });
});

describe('pickCommand: a group chooses its command by the first word', () => {
  const group: CommandGroup = { name: 'class', invocation: 'npm run class --', summary: 'a class board', commands: { join: { ...LESSON, name: 'class join' }, leave: { ...LESSON, name: 'class leave' } } };

  it('returns the command and the rest of the line, or null for the group help', () => {
    expect(pickCommand(group, ['join', 'x'])).toMatchObject({ name: 'join', rest: ['x'] });
    for (const help of ['help', '--help', '-h']) expect(pickCommand(group, [help])).toBeNull();
  });

  it.each([
    [['jion'], 'unknown command "jion" (valid: join, leave; --help for more)'],
    [['constructor'], 'unknown command "constructor" (valid: join, leave; --help for more)'],
    [[], 'which command? (valid: join, leave; --help for more)'],
  ])('%j is one line naming the commands', (argv, line) => {
    expect(() => pickCommand(group, argv)).toThrow(line);
  });
});
