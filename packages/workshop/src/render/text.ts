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
