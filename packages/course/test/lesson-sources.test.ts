import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/manifest.ts';

const read = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

/** The class and everything after it, with every `// TODO(lesson NN)` comment block removed. */
function classWithoutTodos(source: string): string {
  const start = source.indexOf('export class DnsEnactor');
  const lines = source.slice(start).split('\n');
  const kept: string[] = [];
  let inTodo = false;
  for (const line of lines) {
    const comment = /^\s*\/\//.test(line);
    if (/^\s*\/\/ TODO\(lesson \d\d\)/.test(line)) inTodo = true;
    else if (!comment) inTodo = false;
    if (!inTodo) kept.push(line);
  }
  return kept.join('\n');
}

describe('lesson sources', () => {
  it("lesson 02's starter is the faithful Enactor of packages/core, apart from its TODO comments", () => {
    const starter = classWithoutTodos(read('exercises/02-generation-checks/src/enactor.ts'));
    const faithful = classWithoutTodos(read('packages/core/src/dns/enactor.ts'));
    expect(starter, 'the starter must behave exactly as the Enactor of 19 October; update it with packages/core/src/dns/enactor.ts').toBe(faithful);
  });
});
