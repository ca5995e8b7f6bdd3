import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `doctor` looks at, each with the fix a learner can type. Set-up breaking on a
 * fresh machine is the most common complaint about workshops (epicshop's too), so
 * the quick checks here also run before any command that starts Vitest.
 */
export interface Check {
  readonly ok: boolean;
  /** A warning does not stop the workshop (no browser: only the browser tests skip). */
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly fix: string;
}

export const pass = (summary: string): Check => ({ ok: true, severity: 'error', summary, fix: '' });
export const problem = (severity: Check['severity'], summary: string, fix: string): Check => ({ ok: false, severity, summary, fix });

/** CI=false and an empty CI count as unset, as most CI-aware tools read it. */
export const isCi = (env: NodeJS.ProcessEnv): boolean => env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false';

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** `>=20.19` style ranges only, which is what package.json's engines field uses here. */
export function satisfiesMinimum(version: string, range: string): boolean {
  const need = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (need === null) return true;
  const have = version.replace(/^v/, '').split('.').map((n) => Number.parseInt(n, 10));
  const want = [need[1], need[2], need[3]].map((n) => Number.parseInt(n ?? '0', 10));
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/**
 * The Node versions CI runs the tests under (`.ci/run`): the LTS lines learners bring.
 * Node 20 reached end of life in April 2026 but is still on many laptops.
 */
export const TESTED_NODE_MAJORS = [20, 22, 24] as const;

export function nodeCheck(root: string, version: string = process.versions.node): Check {
  const range = (readJson(join(root, 'package.json'))['engines'] as { node?: string } | undefined)?.node ?? '>=20.19';
  const supported = `${range}; tested on ${TESTED_NODE_MAJORS.join(', ')}`;
  if (!satisfiesMinimum(version, range)) {
    return problem('error', `Node ${version} is too old (needs ${supported})`, 'install Node 22 or 24 LTS from nodejs.org, or `nvm install 24 && nvm use 24`');
  }
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  if (!(TESTED_NODE_MAJORS as readonly number[]).includes(major)) {
    return problem('warning', `Node ${version} is outside the tested versions (${supported}); it will probably work`, 'if something fails, use Node 22 or 24 LTS: `nvm install 24 && nvm use 24`');
  }
  return pass(`Node ${version} (needs ${supported})`);
}

/** npm names itself in this variable when it runs a script; null when started without npm. */
export function npmCheck(env: NodeJS.ProcessEnv): Check | null {
  const version = /npm\/(\d+\.\d+\.\d+)/.exec(env['npm_config_user_agent'] ?? '')?.[1];
  if (version === undefined) return null;
  return satisfiesMinimum(version, '>=9')
    ? pass(`npm ${version}`)
    : problem('warning', `npm ${version} is old (the lock file needs npm 9 or newer)`, '`npm install -g npm@latest`');
}

/** Every package the root and the workspaces declare is in node_modules. */
export function dependenciesCheck(root: string): Check {
  const names = new Set<string>();
  for (const path of [join(root, 'package.json'), ...workspaceManifests(root)]) {
    const json = readJson(path);
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys((json[field] as Record<string, string> | undefined) ?? {})) names.add(name);
    }
  }
  const missing = [...names].filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return pass(`dependencies installed (${names.size} packages)`);
  const listed = missing.length > 4 ? `${missing.slice(0, 4).join(', ')} and ${missing.length - 4} more` : missing.join(', ');
  return problem('error', `dependencies not installed: ${listed}`, 'run `npm install` at the repository root');
}

function workspaceManifests(root: string): string[] {
  const packages = join(root, 'packages');
  if (!existsSync(packages)) return [];
  return readdirSync(packages)
    .map((name) => join(packages, name, 'package.json'))
    .filter((path) => existsSync(path));
}

/** The checks cheap enough to run before every command that starts Vitest. */
export const preflightChecks = (root: string, env: NodeJS.ProcessEnv): Check[] =>
  [nodeCheck(root), npmCheck(env), dependenciesCheck(root)].filter((c): c is Check => c !== null);
