/** The dashboard is laid out for an 80-column terminal, the narrowest one still common. */
export const WIDTH = 80;

/** Shortens to `width` characters, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export const fit = (text: string, width: number): string => truncate(text, width).padEnd(width);

/** Greedy word wrap; a word longer than the line stays whole on its own line. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export const indent = (lines: readonly string[], by: string): string[] => lines.map((l) => `${by}${l}`);

/** The text's sentences, split after `.`, `!` or `?` and a space; a `.` inside `code` or a number is not an end. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`"'(])/).filter((s) => s.trim() !== '');
}

/**
 * As many whole sentences as fit in `maxLines` wrapped lines, and never less than the
 * first one: a quoted task is never cut mid-sentence.
 */
export function excerpt(text: string, width: number, maxLines: number): string[] {
  let kept = wrap(sentences(text)[0] ?? text, width);
  for (const sentence of sentences(text).slice(1)) {
    const longer = wrap([...kept, sentence].join(' '), width);
    if (longer.length > maxLines) break;
    kept = longer;
  }
  return kept;
}
