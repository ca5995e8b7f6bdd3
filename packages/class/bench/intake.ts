import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { postJson } from '../src/http-client.ts';

const LEARNERS = 60;
const SECONDS = 5;

/**
 * `class.verdictsPerSec`: how many verdicts a board takes per second on loopback, from 60
 * learners each sending the next as soon as the last was acknowledged. The learners keep
 * their connections open so the figure is the board's intake (schema, token, log append,
 * page push), not the bench's cost of connecting.
 */
export async function benchIntake(): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'board-process.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const agent = new Agent({ keepAlive: true, maxSockets: LEARNERS });
  try {
    const { url, code } = await new Promise<{ url: string; code: string }>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { url: string; code: string }));
      child.once('exit', (status) => reject(new Error(`the bench board exited (${status})`)));
    });
    const tokens = await Promise.all(
      Array.from({ length: LEARNERS }, async (_, i) => {
        const answer = await postJson(url, '/api/join', { 'x-join-code': code }, { name: `learner ${i}` }, 10_000);
        if (!answer.ok || answer.status !== 201) throw new Error(`join refused: ${answer.ok ? answer.body : answer.reason}`);
        return (JSON.parse(answer.body) as { token: string }).token;
      }),
    );
    const steps = Array.from({ length: 8 }, (_, s) => ({ name: `step ${s + 1}: a check of the lesson`, state: s < 3 ? 'passed' : 'failed' }));
    let sent = 0;
    let failed = 0;
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      tokens.map(async (token) => {
        while (performance.now() < until) {
          const body = JSON.stringify({ v: 1, lessons: [{ id: '02', title: 'Clean-up keeps the active plan', steps, hints: 1, at: new Date().toISOString() }] });
          const status = await post(url, agent, { 'x-join-code': code, authorization: `Bearer ${token}` }, body);
          if (status === 204) sent += 1;
          else failed += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (failed > 0) throw new Error(`${failed} of ${sent + failed} verdicts were not taken`);
    return { 'class.verdictsPerSec': Math.round(sent / seconds) };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
}

function post(url: string, agent: Agent, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(new URL('/api/progress', url), { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}
