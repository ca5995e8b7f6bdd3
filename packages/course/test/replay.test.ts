import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRIBUTION_SEEDS, diagramNames, simDiagram } from '@outage-lab/core';
import { REPO_ROOT } from '../src/manifest.ts';
import { parseReplayArgs } from '../src/replay/args.ts';
import { replay, type ReplayIo } from '../src/replay/cli.ts';
import { FIX_DIAGRAM_NAMES, replayDiagrams } from '../src/decks/diagrams.ts';

interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly progress: string;
  readonly files: Map<string, string>;
}

async function run(argv: readonly string[], options: { tty?: boolean; cwd?: string; cacheDir?: string } = {}): Promise<Captured> {
  let out = '';
  let err = '';
  let progress = '';
  const files = new Map<string, string>();
  const io: ReplayIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    progress: { isTTY: options.tty ?? false, write: (t) => void (progress += t) },
    cwd: options.cwd ?? REPO_ROOT,
    writeFile: (path, text) => void files.set(path, text),
    cacheDir: options.cacheDir ?? null,
  };
  const code = await replay(argv, io);
  return { code, out, err, progress, files };
}

describe('replay: the command line', () => {
  it('reads a list of fixes in any order, and all or none', () => {
    expect(parseReplayArgs(['--fixes', 'ec2,dns'])).toEqual({ fixes: ['dns', 'ec2'], html: null, seed: null, distribution: 'off', seeds: DISTRIBUTION_SEEDS, help: false });
    expect(parseReplayArgs(['--fixes', 'all', '--html', 'out.html', '--seed', '7'])).toMatchObject({ fixes: ['dns', 'nlb', 'ec2'], html: 'out.html', seed: 7, distribution: 'off' });
    expect(parseReplayArgs(['--fixes=none'])).toMatchObject({ fixes: [] });
    expect(parseReplayArgs([])).toMatchObject({ fixes: null, html: null });
  });

  it('prints the distribution after the night by default, only it with --distribution, none with --no-distribution or --fixes', () => {
    expect(parseReplayArgs([])).toMatchObject({ distribution: 'after', seeds: { from: 1, to: 4001, countBelow: 401 } });
    expect(parseReplayArgs(['--html', 'night.html', '--seed', '7'])).toMatchObject({ distribution: 'after' });
    expect(parseReplayArgs(['--distribution'])).toMatchObject({ distribution: 'only' });
    expect(parseReplayArgs(['--no-distribution'])).toMatchObject({ distribution: 'off' });
    expect(parseReplayArgs([], { npm_lifecycle_event: 'replay', npm_config_distribution: '' }), 'npm run replay --no-distribution').toMatchObject({ distribution: 'off' });
    expect(parseReplayArgs(['--fixes', 'dns'])).toMatchObject({ distribution: 'off' });
    expect(parseReplayArgs(['--seeds', '1-40']).seeds, 'the first tenth counted for the race share').toEqual({ from: 1, to: 41, countBelow: 5, windowMs: 600_000 });
    expect(() => parseReplayArgs(['--distribution', '--fixes', 'dns']), 'the distribution is of the night as it happened').toThrow(/takes no --fixes or --html/);
  });

  const bad: [string, string[], string][] = [
    ['an unknown fix', ['--fixes', 'dns,lambda'], 'unknown fix "lambda" (valid: dns, nlb, ec2, all, none)'],
    ['an empty list', ['--fixes', ','], '--fixes needs a list (valid: dns, nlb, ec2, all, none)'],
    ['an unknown flag', ['--fix', 'dns'], 'unknown option "--fix" (valid: --fixes <list>, --html <file>, --seed <n>, --[no-]distribution, --seeds <first-last>, --help)'],
    ['a flag without its value', ['--html'], '--html needs a value (valid: --html <file> or --html=<file>)'],
    ['an empty file name', ['--html='], '--html needs a file name, such as --html report.html'],
    ['a stray argument', ['dns'], 'unexpected argument "dns" (valid: npm run replay -- [--fixes <list>] [--html <file>] [--seed <n>] [--[no-]distribution] [--seeds <first-last>])'],
    ['a seed that is not a number', ['--seed', 'seven'], '--seed "seven" is not a whole number from 0 to 999999999'],
    ['a negative seed', ['--seed', '-1'], '--seed "-1" is not a whole number from 0 to 999999999'],
    ['a seed too large', ['--seed', '1e20'], '--seed "1e20" is not a whole number from 0 to 999999999'],
    ['seeds that are not a range', ['--seeds', '400'], '--seeds "400" is not a range of seeds (valid: <first>-<last>, whole numbers, first ≤ last, at most 100,000 seeds, e.g. 1-4000)'],
    ['seeds backwards', ['--seeds', '40-1'], '--seeds "40-1" is not a range of seeds (valid: <first>-<last>, whole numbers, first ≤ last, at most 100,000 seeds, e.g. 1-4000)'],
    ['seeds without a distribution', ['--no-distribution', '--seeds', '1-40'], "--seeds chooses the distribution's nights, and --no-distribution prints no distribution (valid: --seeds without --no-distribution)"],
    ['seeds with fixes', ['--fixes', 'dns', '--seeds', '1-40'], "--seeds chooses the distribution's nights, and --fixes prints no distribution (valid: --seeds without --fixes)"],
  ];
  it.each(bad)('refuses %s in one line on stderr, exit code 2, nothing run', async (_name, argv, line) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toBe(`replay: ${line}\n`);
    expect(result.out).toBe('');
    expect(result.progress).toBe('');
  });

  it('refuses a report in a folder that does not exist before running anything', async () => {
    const result = await run(['--fixes', 'dns', '--html', 'no/such/folder/report.html']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^replay: --html no\/such\/folder\/report\.html: the folder .*no\/such\/folder does not exist \(valid: a file name in an existing folder\)\n$/);
    expect(result.files.size).toBe(0);
  });

  it('refuses a report path that is an existing folder before running anything', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'replay-html-'));
    const result = await run(['--fixes', 'dns', '--html', folder]);
    rmSync(folder, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.err).toBe(`replay: --html ${folder}: ${folder} is a folder (valid: a file name in an existing folder)\n`);
    expect(result.progress, 'nothing was run').toBe('');
    expect(result.files.size).toBe(0);
  });

  it('puts back flags npm kept when the -- was forgotten, or says where the -- goes', () => {
    expect(parseReplayArgs([], { npm_lifecycle_event: 'replay', npm_config_fixes: 'dns,ec2' })).toMatchObject({ fixes: ['dns', 'ec2'] });
    expect(() => parseReplayArgs([], { npm_lifecycle_event: 'replay', npm_config_fixes: 'true' })).toThrow(
      'npm took --fixes for itself (valid: put -- before the flags, npm run replay -- --fixes <list>)',
    );
    expect(parseReplayArgs([], { npm_lifecycle_event: 'lesson', npm_config_fixes: 'dns' })).toMatchObject({ fixes: null });
  });

  it('prints its table on --help and -h, and runs nothing', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await run(['--fixes', 'lambda', flag]);
      expect(result.code).toBe(0);
      expect(result.out).toMatch(/^usage: npm run replay -- \[--fixes <list>\] \[--html <file>\] \[--seed <n>\]\s+\[--\[no-\]distribution\]\s+\[--seeds <first-last>\]\n/);
      for (const name of ['--fixes <list>', '--html <file>', '--seed <n>', '--distribution', '--no-distribution', '--seeds <first-last>', '-h, --help']) expect(result.out).toContain(name);
      expect(result.progress).toBe('');
    }
  });

  it('prints one line and exit code 2, no stack trace, when run for real with a bad flag', () => {
    const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const result = spawnSync(process.execPath, [tsx, join(REPO_ROOT, 'packages/course/src/replay/cli.ts'), '--fixes', 'lambda'], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('replay: unknown fix "lambda" (valid: dns, nlb, ec2, all, none)\n');
    expect(result.stdout).toBe('');
  });
});

describe('replay: the night and the report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'outage-lab-replay-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let result: Captured;
  let report = '';
  // Two whole nights, and the report's sensitivity sweep over the night as it happened: about
  // 3 s on a quiet machine. A guard for a busy 2-core machine, not a timing assertion.
  beforeAll(async () => {
    result = await run(['--fixes', 'dns', '--html', 'night.html'], { tty: true, cwd: dir });
    report = result.files.get(join(dir, 'night.html')) ?? '';
  }, 120_000);

  it('prints every phase beside AWS, and impact minutes for the night as it happened and with the fix', () => {
    expect(result.code, result.err).toBe(0);
    const lines = result.out.split('\n');
    const phases = lines.filter((l) => / AWS \d\d:\d\d–\d\d:\d\d .* model \d\d:\d\d–\d\d:\d\d .*\[(input|fitted|emergent) → (input|fitted|emergent)/.test(l));
    expect(phases, 'eight phases, each with AWS, the model and what its edges rest on').toHaveLength(8);
    expect(phases.filter((l) => l.includes('named miss')), 'the NLB phase is a named miss, out of the fit').toHaveLength(1);
    expect(result.out).toMatch(/Fit, in-sample \(every phase but the named misses\): mean \|duration error\| \d+%/);
    expect(result.out).toMatch(/Named miss: NLB connection errors.*: start [+−]\d+ h \d+ min, duration [+−]\d+%: /);
    expect(result.out, 'no phase is held out, so nothing is a prediction').not.toMatch(/held out|predict/i);
    expect(result.out).toContain('Not modelled, and why:');
    expect(result.out).toMatch(/NLB, as it happened: at most \d+ of the Region's 100 load balancers/);
    for (const service of ['Lambda', 'STS', 'IAM console sign-in', 'Redshift']) expect(result.out, service).toMatch(new RegExp(`\\n${service}\\s+AWS `));
    expect(result.out).toContain('What the dependents would have seen, per variant:');
    expect(result.out).toMatch(/impact minutes\s+as it happened\s+DNS fix only\n/);
    const dynamo = /DynamoDB API errors\s+(\d+)\s+(\d+)\n/.exec(result.out);
    expect(Number(dynamo?.[1]), 'as it happened, DynamoDB clients failed for hours').toBeGreaterThan(120);
    expect(Number(dynamo?.[2]), 'with the DNS fix the endpoint never empties').toBe(0);
    expect(result.out).toContain(`Wrote ${join(dir, 'night.html')}`);
    expect(result.out, 'with --fixes, no distribution, and it says where one is').toContain('Seed 20251351 is one night of many: npm run replay (without --fixes or --no-distribution) prints after the night');
    expect(result.out).not.toContain('Race share of configured nights');
  });

  it('shows a progress bar on a terminal, redrawn in place and cleared at the end', async () => {
    expect(result.progress).toMatch(/\r\[█+░*\]\s+\d+%  as it happened · dns/);
    expect(result.progress).toMatch(/100%  DNS fix only · nlb/);
    expect(result.progress.endsWith('\r'), 'the bar is cleared so the table starts on a clean line').toBe(true);
    expect((await run(['--fixes', 'none'])).progress, 'no bar when stderr is not a terminal').toBe('');
  });

  it('writes a standalone report: inline SVG charts from the simulator, no script, no request', () => {
    expect(report.startsWith('<!doctype html>')).toBe(true);
    expect(report.match(/<svg /g)?.length, 'the night, the tornado, the running total, and one chart per service').toBe(7);
    expect(report).toContain('Which parameter moves which phase');
    expect(report).toContain('Named miss');
    expect(report).toContain('Not modelled, and why');
    expect(report).toMatch(/load balancers failed 10% of their connections/);
    expect(report).not.toMatch(/held out|predict/i);
    expect(report).toContain('Who else felt it');
    expect(report).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(report).toContain('records restored; clients still hold the empty answer');
    expect(report).toContain('DNS Enactor with generation checks (lesson 02)');
  });
});

describe('replay: the cascade deck’s diagrams that need the fixes', () => {
  // The five variants' nights (the two the replay above ran come from memory): a budget for
  // a busy 2-core machine, not a timing assertion.
  it('draws the per-variant charts, and hands every other name to the core’s registry', { timeout: 120_000 }, () => {
    const svg = replayDiagrams('october2025-fixes-nlb', { seed: 20251351 });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('NLB connection errors per variant');
    for (const label of ['as it happened', 'DNS fix only', 'NLB fix only', 'EC2 fix only', 'all three fixes']) expect(svg).toContain(label);
    expect(replayDiagrams('october2025-answers', { seed: 1 })).toBe(simDiagram('october2025-answers', { seed: 1 }));
  });

  it('lists its own names beside the core’s when a name is unknown', () => {
    expect(() => replayDiagrams('october2025-fix', { seed: 1 })).toThrow(`(valid: ${diagramNames().join(', ')}, ${FIX_DIAGRAM_NAMES.join(', ')})`);
  });
});

describe('replay: the night as one sample of many', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'outage-lab-replay-cache-'));
  afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
  // Seeds 413–415: 413 is counted (the first tenth) and races at 23:57, 414 has not raced by
  // 23:58, 415 races at 23:43: two whole nights. A few seconds on threads.
  const argv = ['--distribution', '--seeds', '413-415'];
  let first: Captured;
  beforeAll(async () => {
    first = await run(argv, { tty: true, cacheDir });
  }, 120_000);

  it('prints the race share and every phase edge over the nights racing near 23:48, the seed beside them, and no night', () => {
    expect(first.code, first.err).toBe(0);
    expect(first.err).toBe('');
    expect(first.out).toContain('Race share of configured nights (az1 degraded 23:40–02:25): 1 of 1 seeds (100%) empty the regional endpoint before the repair, at 23:57');
    expect(first.out).toContain("Phase edges over 2 nights whose race falls within ±10 min of AWS's 23:48 (of 3 seeds tried)");
    expect(first.out.split('\n').filter((l) => / AWS \d\d:\d\d–\d\d:\d\d {2}start .* seed 20251351: /.test(l)), 'every phase, the canonical seed as one sample').toHaveLength(8);
    expect(first.out).not.toContain('Impact minutes');
    expect(first.progress).toMatch(/\r\[█*░*\]\s+\d+%  the distribution: seeds 413–415/);
    expect(first.progress.endsWith('\r'), 'the bar is cleared before the distribution prints').toBe(true);
  });

  it('keeps what it computed: the same code and seeds print it again at once, without threads or a bar', async () => {
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const again = await run(argv, { tty: true, cacheDir });
    expect(again.out).toBe(first.out);
    expect(again.progress, 'nothing to wait for').toBe('');
    const other = await run(['--distribution', '--seeds', '414-414'], { cacheDir });
    expect(other.out, 'other seeds are another distribution').toContain('(of 1 seeds tried)');
  }, 120_000);

  it('says in one line that a damaged kept file is ignored, computes the distribution again and keeps it anew', async () => {
    const kept = readdirSync(cacheDir).find((f) => f.endsWith('.json') && readFileSync(join(cacheDir, f), 'utf8').includes('"seedsTried":3'));
    expect(kept).toBeDefined();
    const path = join(cacheDir, kept ?? '');
    for (const damage of ['{"key": "not json', JSON.stringify({ key: 'another', distribution: {} })]) {
      writeFileSync(path, damage);
      const result = await run(argv, { cacheDir });
      expect(result.code).toBe(0);
      expect(result.err).toBe(`replay: the kept distribution ${path} is damaged; computing it again\n`);
      expect(result.out).toBe(first.out);
    }
    expect((await run(argv, { cacheDir })).err, 'kept anew').toBe('');
  }, 120_000);

  it('follows the night by default: the night first, then the distribution', async () => {
    // The five variants' nights come from memory: the cascade deck's test above ran them.
    const result = await run(['--seeds', '413-415'], { cacheDir });
    expect(result.code, result.err).toBe(0);
    const night = result.out.indexOf('Impact minutes per service:');
    const share = result.out.indexOf('Race share of configured nights');
    expect(night).toBeGreaterThan(0);
    expect(share, 'the distribution after the night').toBeGreaterThan(night);
    expect(result.out).toContain('Seed 20251351 is one night of many: below, the share of nights that race');
  }, 120_000);

  it('runs on threads as a process too, from the command line', () => {
    const tsx = join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const result = spawnSync(process.execPath, [tsx, join(REPO_ROOT, 'packages/course/src/replay/cli.ts'), ...argv], { encoding: 'utf8', cwd: REPO_ROOT });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(first.out);
  }, 120_000);
});
