import { describe, expect, it } from 'vitest';
import { BadInput, Blocked, reportError } from '../src/index.ts';

const report = (error: unknown, env: Record<string, string> = {}): { code: number; lines: string[] } => {
  const lines: string[] = [];
  const code = reportError('explore', error, (line) => void lines.push(line), env);
  return { code, lines };
};

describe('reportError: the one error path', () => {
  it('bad input is one line, exit 2, named for the command that threw it if it said', () => {
    expect(report(new BadInput('--runs "x" is not a number'))).toEqual({ code: 2, lines: ['explore: --runs "x" is not a number'] });
    expect(report(new BadInput('missing <code>', 'class join'))).toEqual({ code: 2, lines: ['class join: missing <code>'] });
    const config = Object.assign(new Error('seed must be whole'), { name: 'ConfigError' });
    expect(report(config).code).toBe(2);
  });

  it('a blocked command is one line with its fix, exit 1, and no "failure inside"', () => {
    expect(report(new Blocked('port 4100 is taken', 'use --port 4101', 'class serve'))).toEqual({ code: 1, lines: ['class serve: port 4100 is taken (fix: use --port 4101)'] });
  });

  it('a failure inside is one line, exit 1; its stack only with DEBUG', () => {
    const quiet = report(new TypeError('x is undefined\nmore'));
    expect(quiet).toEqual({ code: 1, lines: ['explore: x is undefined (a failure inside explore; run with DEBUG=1 for the stack)'] });
    const loud = report(new TypeError('x is undefined'), { DEBUG: '1' });
    expect(loud.lines).toHaveLength(2);
    expect(loud.lines[1]).toMatch(/\n\s+at /);
  });
});
