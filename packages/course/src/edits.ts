/**
 * Small text edits that turn one source file into another: how a known-wrong fix is kept
 * as "the solution with this mistake" instead of as a second copy of the solution. Each
 * edit names an exact snippet of the original and what stands in its place. A snippet
 * that is not found exactly once is refused, never guessed at: a wrong fix whose
 * solution has moved on must fail loudly rather than test something nobody wrote.
 */
export interface Edit {
  /** Lesson-relative path of the file, as in the manifest: `src/enactor.ts`. */
  readonly file: string;
  /** Replace exactly this snippet of the original, which must occur once. */
  readonly replace: string;
  readonly with: string;
}

export class EditError extends Error {
  override name = 'EditError';
}

/** Where `snippet` occurs in `text`, overlapping places included; two are enough to tell "more than once". */
function occurrences(text: string, snippet: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(snippet); i !== -1 && at.length < 2; i = text.indexOf(snippet, i + 1)) at.push(i);
  return at;
}

const firstLine = (snippet: string): string => {
  const line = snippet.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().length > 60 ? `${line.trim().slice(0, 57)}…` : line.trim();
};

/**
 * Applies `edits` (all to the same file) to `original`. Every snippet is looked up in the
 * original, not in the text an earlier edit produced, and the snippets may not overlap:
 * each one is a piece of the file as its author wrote it.
 */
export function applyEdits(original: string, edits: readonly Edit[]): string {
  const placed = edits.map((edit, i) => {
    const label = `${edit.file}, edit ${i + 1}`;
    if (edit.replace === '') throw new EditError(`${label}: "replace" is empty; name the exact snippet to replace`);
    const at = occurrences(original, edit.replace);
    if (at.length === 0) throw new EditError(`${label}: the snippet "${firstLine(edit.replace)}" is not in the file (it changed since the edit was written)`);
    if (at.length > 1) throw new EditError(`${label}: the snippet "${firstLine(edit.replace)}" occurs more than once; lengthen it until it names one place`);
    return { start: at[0] ?? 0, end: (at[0] ?? 0) + edit.replace.length, text: edit.with, label };
  });
  placed.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const p of placed) {
    if (p.start < from) throw new EditError(`${p.label}: its snippet overlaps another edit's; make them one edit`);
    out += original.slice(from, p.start) + p.text;
    from = p.end;
  }
  return out + original.slice(from);
}
