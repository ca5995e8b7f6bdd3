import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One type error, located in the repository: `exercises/04-ec2-throttling/src/throttle.ts:12`. */
export interface TypeProblem {
  /** Repository-relative, with `/` separators. */
  readonly path: string;
  readonly line: number;
  readonly code: number;
  readonly message: string;
}

export const formatTypeProblem = (p: TypeProblem): string => `${p.path}:${p.line}: TS${p.code}: ${p.message}`;

/**
 * TypeScript's own checker, through its API rather than a `tsc` process, for three jobs a
 * `tsc -p` cannot do: check just the learner's files (step 0 of a lesson, in a second or
 * two instead of the whole project's ten), read some files' contents from elsewhere
 * (the instructors' check judges the pristine starters, while the learner's edited
 * files stay where they are), and check files that exist only in memory (the known-wrong
 * fixes, edits of the solutions never written to disk) in the same program, so the
 * core's types are read once for all of them.
 */
function program(root: string, tsconfig: string, rootNames: readonly string[] | null, substitutes: ReadonlyMap<string, string>, extra: ReadonlyMap<string, string>) {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error(`${tsconfig} cannot be read as a TypeScript configuration`);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const directoryExists = host.directoryExists?.bind(host);
  const extraDirs = new Set([...extra.keys()].flatMap((name) => ancestors(dirname(name))));
  host.readFile = (name) => {
    const text = extra.get(resolve(name));
    if (text !== undefined) return text;
    const stand = substitutes.get(resolve(name));
    return stand === undefined ? readFile(name) : readFileSync(stand, 'utf8');
  };
  host.fileExists = (name) => extra.has(resolve(name)) || fileExists(name);
  // Module resolution skips a folder it believes missing, and the in-memory files' folders are.
  host.directoryExists = (name) => extraDirs.has(resolve(name)) || (directoryExists?.(name) ?? true);
  return ts.createProgram({ rootNames: [...(rootNames ?? parsed.fileNames), ...extra.keys()], options: parsed.options, host });
}

function ancestors(dir: string): string[] {
  const parent = dirname(dir);
  return parent === dir ? [dir] : [dir, ...ancestors(parent)];
}

function located(root: string, diagnostics: readonly ts.Diagnostic[]): TypeProblem[] {
  return diagnostics
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0] ?? '';
      if (d.file === undefined || d.start === undefined) return { path: '(project)', line: 0, code: d.code, message };
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return { path: relative(root, d.file.fileName).split('\\').join('/'), line: line + 1, code: d.code, message };
    });
}

/**
 * Every file of a tsconfig project; `substitutes` maps an absolute path to the file whose
 * contents stand in for it, `extra` adds files that exist only in memory (absolute path
 * to text), checked with the project's options.
 */
export function typecheckProject(root: string, tsconfig: string, substitutes: ReadonlyMap<string, string> = new Map(), extra: ReadonlyMap<string, string> = new Map()): TypeProblem[] {
  return located(root, ts.getPreEmitDiagnostics(program(root, tsconfig, null, substitutes, extra)));
}

export interface FileChecker {
  /** Only the errors inside `files` (repository-relative); what they import is read for its types, not checked. */
  check(files: readonly string[]): TypeProblem[];
}

/**
 * A checker that stays warm between checks (watch mode): TypeScript's language service
 * re-reads only the files whose size or modification time changed, so a re-check after a
 * save takes a fraction of the first one. Core is read for its types but not checked
 * here: core's own type check covers it.
 */
export function createFileChecker(root: string, tsconfig: string): FileChecker {
  const parsed = ts.getParsedCommandLineOfConfigFile(resolve(root, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (parsed === undefined) throw new Error(`${tsconfig} cannot be read as a TypeScript configuration`);
  const options = parsed.options;
  let names: string[] = [];
  const version = (name: string): string => {
    try {
      const stat = statSync(name);
      return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      return 'missing';
    }
  };
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => names,
    getScriptVersion: version,
    getScriptSnapshot: (name) => (ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? '') : undefined),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    check(files) {
      names = files.map((f) => resolve(root, f));
      return located(
        root,
        names.flatMap((name) => (ts.sys.fileExists(name) ? [...service.getSyntacticDiagnostics(name), ...service.getSemanticDiagnostics(name)] : [])),
      );
    },
  };
}
