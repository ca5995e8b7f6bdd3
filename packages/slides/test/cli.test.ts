import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../src/command.ts';
import { FIXTURES, fakeAgenda, fakeDiagrams } from './support/render.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { diagrams: fakeDiagrams, agenda: fakeAgenda, decksDir: FIXTURES });
  return { code, out, err };
}

function decks(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'slides-cli-'));
  for (const name of names) copyFileSync(join(FIXTURES, `${name}.md`), join(dir, `${name}.md`));
  return dir;
}

describe('slides build', () => {
  it('writes one HTML file per deck and an index, and exits 0', async () => {
    const dir = decks('plain');
    const out = join(dir, 'out');
    const result = await run('build', '--decks', dir, '--out', out);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'plain.html'))).toBe(true);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  it('prints one line per deck error, still builds the good deck, and exits 2', async () => {
    const dir = decks('plain', 'bad');
    const out = join(dir, 'out');
    const result = await run('build', '--decks', dir, '--out', out);
    expect(result.code).toBe(2);
    expect(result.err).toHaveLength(3);
    expect(result.err[1]).toMatch(/bad\.md:14: sim: no diagram named "october2052" \(valid: toy/);
    expect(result.out.at(-1)).toMatch(/^slides: built 1 of 2 decks into /);
    expect(existsSync(join(out, 'plain.html'))).toBe(true);
  });

  it('refuses a folder with no decks before writing anything', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'slides-empty-'));
    const result = await run('build', '--decks', empty);
    expect(result.err).toEqual([`slides: --decks: ${empty} holds no decks (valid: a folder of deck .md files, such as slides)`]);
    expect(result.code).toBe(2);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses to write into the decks folder itself', async () => {
    const dir = decks('plain');
    const result = await run('build', '--decks', dir, '--out', dir);
    expect(result.code).toBe(2);
    expect(result.err[0]).toMatch(/--out: .* holds sources/);
    expect(readdirSync(dir)).toEqual(['plain.md']);
  });

  it('building one deck keeps the index listing every deck', async () => {
    const dir = decks('plain');
    copyFileSync(join(dir, 'plain.md'), join(dir, 'second.md'));
    const out = join(dir, 'out');
    expect((await run('build', '--decks', dir, '--out', out)).code).toBe(0);
    expect((await run('build', 'plain', '--decks', dir, '--out', out)).code).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="plain.html"');
    expect(index).toContain('href="second.html"');
  });

  it('builds only the decks named', async () => {
    const dir = decks('plain', 'bad');
    const result = await run('build', 'plain', '--decks', dir, '--out', join(dir, 'out'));
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'bad.html'))).toBe(false);
  });
});

describe('bad arguments', () => {
  const cases: [string[], string][] = [
    [[], 'slides: which command? (valid: build, serve, pdf; --help for more)'],
    [['publish'], 'slides: unknown command "publish" (valid: build, serve, pdf; --help for more)'],
    [['build', '--colour'], 'slides: unknown option "--colour" (valid: --decks <dir>, --out <dir>, --html, --board <url>, --help)'],
    [['serve', '--port'], 'slides: --port needs a value (valid: --port <n> or --port=<n>)'],
    [['pdf', '--board', 'http://127.0.0.1:4100'], 'slides: unknown option "--board" (valid: --decks <dir>, --out <dir>, --html, --help)'],
    [['serve', '--port', 'eighty'], 'slides: --port "eighty" is not a whole number from 0 to 65535 (0 picks any free port)'],
    [['serve', '--port', '-1'], 'slides: --port "-1" is not a whole number from 0 to 65535 (0 picks any free port)'],
    [['serve', '--port', '65536'], 'slides: --port "65536" is not a whole number from 0 to 65535 (0 picks any free port)'],
    [['build', '--html=1'], 'slides: --html takes no value (valid: --html on its own)'],
    [['build', '--out', ''], 'slides: --out: an empty path (valid: a folder name, such as --out slides/dist)'],
    [['build', '--out', '/etc/decks'], 'slides: --out: /etc/decks is a system folder (valid: a folder of its own for the built decks, such as slides/dist)'],
    [['build', '--out', '/'], 'slides: --out: / is a system folder (valid: a folder of its own for the built decks, such as slides/dist)'],
    [['build', '--decks', ''], 'slides: --decks: an empty path (valid: a folder name, such as --decks slides/dist)'],
    [['build', '--decks', '/etc'], 'slides: --decks: /etc holds no decks (valid: a folder of deck .md files, such as slides)'],
    [['build', '--port', '80'], 'slides: unknown option "--port" (valid: --decks <dir>, --out <dir>, --html, --board <url>, --help)'],
    [['build', '--decks', '/nowhere/at/all'], 'slides: --decks: /nowhere/at/all does not exist'],
  ];

  it.each(cases)('%j gives one line and exit code 2', async (argv, line) => {
    const result = await run(...argv);
    expect(result.err).toEqual([line]);
    expect(result.code).toBe(2);
  });

  it('names the decks there are when asked for one that does not exist', async () => {
    const dir = decks('plain');
    const result = await run('build', 'plian', '--decks', dir);
    expect(result.err).toEqual([`slides: no deck named "plian" in ${dir} (valid: plain)`]);
    expect(result.code).toBe(2);
  });

  it('prints the usage for --help: every command, or the one named', async () => {
    const all = await run('--help');
    expect(all.code).toBe(0);
    expect(all.out[0]).toMatch(/^usage: slides <command> \[--help\]/);
    for (const usage of ['slides build [<deck> ...]', 'slides serve [<deck> ...]', 'slides pdf [<deck> ...]']) expect(all.out[0]).toContain(usage);
    const serve = await run('serve', '--bogus', '-h');
    expect(serve.code).toBe(0);
    expect(serve.out[0]).toMatch(/^usage: slides serve \[<deck> \.\.\.\] \[--decks <dir>\] \[--out <dir>\] \[--html\]\s+\[--port <n>\]/);
  });

  // Starts Node with tsx in a child process: under a second on a quiet machine, seconds on a busy one.
  it('reach the terminal as one line without a stack trace, from the real command', () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', cli, 'build', '--colour'], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stderr).toBe('slides: unknown option "--colour" (valid: --decks <dir>, --out <dir>, --html, --board <url>, --help)\n');
  }, 120_000);
});
