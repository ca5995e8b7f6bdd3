import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeRepo, runCli, tempRepo } from './support/temp-repo.ts';

describe('bad input gets one line naming the problem and the valid choices, exit code 2', () => {
  const root = tempRepo();
  afterAll(() => removeRepo(root));

  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['lessn', '01'], /^outage-lab: unknown command "lessn" \(valid: start, lesson, hint, reset, diff, doctor, ui; --help for more\)$/],
    ['an unknown lesson', ['hint', '9'], /^hint: unknown lesson "9" \(valid: 01, 02\)$/],
    ['an unknown lesson name', ['reset', 'the-race'], /^reset: unknown lesson "the-race" \(valid: 01, 02\)$/],
    ['a missing lesson', ['diff'], /^diff: which lesson\? \(valid: 01, 02; e\.g\. npm run diff -- 01\)$/],
    ['an unknown flag', ['lesson', '01', '--wach'], /^lesson: unknown option "--wach" \(valid: --watch, --poll, --verbose, --help\)$/],
    ['a flag for another command', ['hint', '01', '--watch'], /^hint: unknown option "--watch" \(valid: --all, --help\)$/],
    ['a value given to a switch', ['hint', '01', '--all=yes'], /^hint: --all takes no value \(valid: --all on its own\)$/],
    ['a flag without its value', ['ui', '--port'], /^ui: --port needs a value \(valid: --port <port> or --port=<port>\)$/],
    ['a second lesson', ['reset', '01', '02'], /^reset: unexpected argument "02" \(valid: npm run reset -- <lesson>\)$/],
    ['a lesson where none is taken', ['doctor', '01'], /^doctor: unexpected argument "01" \(valid: npm run doctor\)$/],
    ['a port that is not a port', ['ui', '--port', 'eighty'], /^ui: --port "eighty" is not a whole number from 1024 to 65535$/],
    ['a negative port', ['ui', '--port', '-1'], /^ui: --port "-1" is not a whole number from 1024 to 65535$/],
    ['a port in exponent form', ['ui', '--port', '6e4'], /^ui: --port "6e4" is not a whole number from 1024 to 65535$/],
    ['a lesson named after the object prototype', ['hint', 'constructor'], /^hint: unknown lesson "constructor" \(valid: 01, 02\)$/],
    ['a command named after the object prototype', ['__proto__'], /^outage-lab: unknown command "__proto__"/],
    ['a string flag npm kept without its value', ['ui'], /^ui: npm took --port for itself \(valid: put -- before the flags, npm run ui -- --port <port>\)$/],
  ];

  it.each(cases)('%s', async (name, argv, line) => {
    const npmKept = name.startsWith('a string flag npm kept') ? { npm_lifecycle_event: 'ui', npm_config_port: 'true' } : {};
    const result = await cli(root, argv, npmKept);
    expect(result.code, `exit code for ${argv.join(' ')}`).toBe(2);
    expect(result.out, 'nothing on stdout').toBe('');
    expect(result.err.split('\n'), 'exactly one line on stderr').toHaveLength(1);
    expect(result.err).toMatch(line);
  });

  it('lists every command, within 80 columns, on --help', async () => {
    const help = await cli(root, ['--help']);
    expect(help.code).toBe(0);
    for (const usage of ['npm start', 'npm run lesson -- <lesson> [--watch] [--poll] [--verbose]', 'npm run hint -- <lesson> [--all]', 'npm run reset -- <lesson>', 'npm run diff -- <lesson>', 'npm run doctor', 'npm run ui -- [--port <port>] [--open]']) {
      expect(help.out.split('\n')).toContain(`  ${usage}`);
    }
    expect(help.out.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });

  // `npm run lesson -- 01 --help` answered "unknown option --help" before.
  it.each([
    [['lesson', '01', '--help'], 'usage: npm run lesson -- <lesson> [--watch] [--poll] [--verbose]'],
    [['lesson', '--wach', '-h'], 'usage: npm run lesson -- <lesson> [--watch] [--poll] [--verbose]'],
    [['reset', '-h'], 'usage: npm run reset -- <lesson>'],
    [['start', '--help'], 'usage: npm start'],
    [['ui', '--port', 'eighty', '--help'], 'usage: npm run ui -- [--port <port>] [--open]'],
  ])('%j prints that command\'s usage and every flag, exit 0, running nothing', async (argv, usage) => {
    const help = await cli(root, argv);
    expect(help.code, help.err).toBe(0);
    expect(help.err).toBe('');
    const lines = help.out.split('\n');
    expect(lines[0]).toBe(usage);
    expect(lines.filter((l) => /^ {2}-h, --help +print this help and exit$/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => l.length > 80)).toEqual([]);
  });

  it('takes the flags npm kept when the learner forgot the `--`', async () => {
    const forgot = await cli(root, ['hint', '01'], { npm_lifecycle_event: 'hint', npm_config_all: 'true' });
    expect(forgot.out, '`npm run hint 01 --all` should show every hint').toContain('Hint 3 of 3');
  });

  it('says so in a real process: exit code 2, one line, no stack trace', async () => {
    const result = await runCli(root, ['reset', '42']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trim()).toBe('reset: unknown lesson "42" (valid: 01, 02)');
    expect(result.err, 'no stack trace').not.toMatch(/\n\s+at /);
    // Node and tsx start for one parse: a second or two quiet, several on a busy laptop.
  }, 120_000);
});
