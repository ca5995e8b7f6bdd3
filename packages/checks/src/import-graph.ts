import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The house, as the import graph check holds it. Each rule is one sentence a violation
 * message can name; the drawing itself is in the root README's repository table.
 */
export const RULES = {
  solutions: 'no package imports solutions/ except course, through its solutions registry (packages/course/src/solutions.ts)',
  slides: 'slides imports neither workshop nor course: the deck engine knows no course',
  core: 'core imports nothing from this repository outside itself',
  relative: 'no relative import crosses a package boundary: import another package by its name',
  declared: "every bare import is declared in its package's package.json",
  exercises: 'no starter in exercises/ imports solutions/',
  circles: 'no import circle, type-only imports included: the files of a circle can be read, and loaded, only all at once',
} as const;

export type RuleName = keyof typeof RULES;

export interface Violation {
  readonly rule: RuleName;
  /** Repository-relative file and the specifier as written. */
  readonly file: string;
  readonly specifier: string;
  /** For a circle: its files, from `file` round to it again. */
  readonly circle?: readonly string[];
}

/** The one module allowed to import solutions/. */
export const SOLUTIONS_REGISTRY = 'packages/course/src/solutions.ts';

const SOURCE = /\.(m|c)?[jt]sx?$/;
const SKIP = new Set(['node_modules', '.results', '.turbo', 'dist', 'coverage']);

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every module specifier a file imports, re-exports or loads with a literal dynamic
 * import: read by TypeScript's scanner, so a specifier in a comment or a string
 * elsewhere does not count.
 */
export function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

const isBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));

interface PackageInfo {
  readonly dir: string;
  readonly folder: string;
  readonly name: string;
  readonly declared: ReadonlySet<string>;
}

function readPackage(root: string, folder: string): PackageInfo | null {
  const dir = join(root, 'packages', folder);
  const path = join(dir, 'package.json');
  if (!existsSync(path)) return null;
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const declared = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const name of Object.keys((json[field] as Record<string, string> | undefined) ?? {})) declared.add(name);
  }
  return { dir, folder, name: String(json['name']), declared };
}

const inside = (path: string, dir: string): boolean => path === dir || path.startsWith(dir + sep);

/**
 * Walks every source file of every package under packages/, and the starters in
 * exercises/, and returns what breaks the rules (an empty list when the house holds).
 */
export function checkImportGraph(root: string): Violation[] {
  const packages = readdirSync(join(root, 'packages'))
    .map((folder) => readPackage(root, folder))
    .filter((p): p is PackageInfo => p !== null);
  const byName = new Map(packages.map((p) => [p.name, p]));
  const solutions = join(root, 'solutions');
  const violations: Violation[] = [];

  const local = new Map<string, string[]>();
  for (const pkg of packages) {
    for (const path of sourceFiles(pkg.dir)) {
      const file = relative(root, path).split(sep).join('/');
      const targets: string[] = [];
      local.set(path, targets);
      // A package's fixtures stand in for the repository's exercises/ and solutions/ in
      // temporary copies; they resolve their imports there, not in this package.
      const fixture = file.split('/').includes('fixtures');
      for (const specifier of importsOf(readFileSync(path, 'utf8'))) {
        const add = (rule: RuleName) => violations.push({ rule, file, specifier });
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(path), specifier);
          targets.push(target);
          if (inside(target, solutions)) {
            if (file !== SOLUTIONS_REGISTRY) add('solutions');
          } else if (!inside(target, pkg.dir)) {
            add('relative');
            if (pkg.folder === 'core') add('core');
          }
          continue;
        }
        if (isBuiltin(specifier) || fixture) continue;
        const name = packageName(specifier);
        const workspace = byName.get(name);
        if (workspace !== undefined && workspace !== pkg) {
          if (pkg.folder === 'core') add('core');
          if (pkg.folder === 'slides' && (workspace.folder === 'workshop' || workspace.folder === 'course')) add('slides');
        }
        if (name !== pkg.name && !pkg.declared.has(name)) add('declared');
      }
    }
  }

  for (const circle of circlesOf(local)) {
    const files = circle.map((path) => relative(root, path).split(sep).join('/'));
    violations.push({ rule: 'circles', file: files[0] as string, specifier: files[1] ?? (files[0] as string), circle: [...files, files[0] as string] });
  }

  for (const path of sourceFiles(join(root, 'exercises'))) {
    for (const specifier of importsOf(readFileSync(path, 'utf8'))) {
      if (specifier.startsWith('.') && inside(resolve(dirname(path), specifier), solutions)) {
        violations.push({ rule: 'exercises', file: relative(root, path).split(sep).join('/'), specifier });
      }
    }
  }
  return violations;
}

/** One line per violation: the file, what it imports (or the circle it is in), and the rule it breaks. */
export function formatViolation(v: Violation): string {
  if (v.circle !== undefined) return `${v.circle.join(' → ')}: ${RULES[v.rule]}`;
  return `${v.file}: imports ${JSON.stringify(v.specifier)}: ${RULES[v.rule]}`;
}

/**
 * Every circle of imports among the files of `graph` (file → the files it imports), one
 * per strongly connected component (Tarjan's algorithm), each as its files in import
 * order from the least one: a component of several files always contains a circle
 * through all of them, and one file importing itself is a circle too.
 */
export function circlesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === file) break;
    }
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) circles.push(circleThrough(graph, new Set(component)));
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return circles.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** A walk from the component's least file back to it, inside the component (breadth-first: a shortest one). */
function circleThrough(graph: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0] as string;
  const from = new Map<string, string>();
  const queue = [start];
  for (let at = 0; at < queue.length; at++) {
    const file = queue[at] as string;
    for (const next of graph.get(file) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const walk = [file];
        for (let back = from.get(file); back !== undefined; back = from.get(back)) walk.push(back);
        return walk.reverse();
      }
      if (!from.has(next) && next !== start) {
        from.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start];
}
