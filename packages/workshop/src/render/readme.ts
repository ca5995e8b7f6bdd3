/**
 * What the dashboard quotes from a lesson's README: its title, and the paragraph that
 * says what to do (the "Your task" section, which every lesson README has; otherwise
 * the first paragraph), as plain text.
 */
export interface ReadmeExcerpt {
  readonly title: string | null;
  readonly task: string | null;
}

export function readmeExcerpt(markdown: string): ReadmeExcerpt {
  const lines = markdown.split(/\r?\n/);
  const title = lines.find((l) => /^#\s/.test(l))?.replace(/^#\s+/, '').trim() ?? null;
  const taskAt = lines.findIndex((l) => /^##\s+your task/i.test(l));
  const from = taskAt >= 0 ? taskAt + 1 : lines.findIndex((l) => /^#\s/.test(l)) + 1;
  return { title, task: firstParagraph(lines.slice(from)) };
}

function firstParagraph(lines: readonly string[]): string | null {
  const paragraph: string[] = [];
  for (const line of lines) {
    if (/^#/.test(line) || line.startsWith('```')) {
      if (paragraph.length > 0) break;
      continue;
    }
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line.trim());
  }
  return paragraph.length === 0 ? null : plain(paragraph.join(' '));
}

/** Drops emphasis markers and link targets; keeps `code` backticks, which read fine in a terminal. */
const plain = (text: string): string =>
  text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1$2');
