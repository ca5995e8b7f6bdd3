import type { MarkdownIt } from 'markdown-it';
import { deckEnv, report } from '../env.ts';
import { escapeHtml } from '../html.ts';
import { fenceType } from './fence-types.ts';
/** One line of an agenda: what the caller's sessions are (a course's lessons, say). */
export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly minutes: number | null;
}

/**
 * Where the agenda's items come from, asked on every render so a served deck follows
 * edits. It throws an Error whose message says what is wrong (the deck reports it at the
 * fence's line).
 */
export type AgendaSource = () => readonly AgendaItem[];

export interface AgendaOptions {
  /** None: an `agenda` fence is a deck error that says the engine was given no agenda. */
  readonly agenda?: AgendaSource;
}

const EXTRA = /^[-*]\s+(.+?)\s+\((\d+)\s*min\)$/;

/**
 * ```agenda``` lists the items its caller's agenda source gives (for this workshop, the
 * lessons of its manifest, so the opening deck can never disagree with what the learner
 * CLI runs). Lines in the fence such as
 * `- The cascade (20 min)` add the sessions that are not lessons, after them.
 */
export function agendaPlugin(md: MarkdownIt, options: AgendaOptions): void {
  fenceType(md, 'agenda', (tokens, idx, _opts, env) => {
    const token = tokens[idx];
    if (token === undefined) return '';
    const deck = deckEnv(env);
    const line = token.map?.[0] ?? 0;
    const extra = token.info.trim().split(/\s+/).slice(1);
    if (extra.length > 0) {
      report(deck, line, `agenda takes no parameters, got ${JSON.stringify(extra.join(' '))}`);
      return '';
    }
    if (options.agenda === undefined) {
      report(deck, line, 'agenda: this deck engine was given no agenda source');
      return '';
    }
    let lessons: readonly AgendaItem[];
    try {
      lessons = options.agenda();
    } catch (error) {
      report(deck, line, `agenda: ${error instanceof Error ? error.message : String(error)}`);
      return '';
    }
    const items = lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes }));
    const bodyLines = token.content.split('\n');
    bodyLines.forEach((text, offset) => {
      const trimmed = text.trim();
      if (trimmed === '') return;
      const match = EXTRA.exec(trimmed);
      if (match === null) {
        report(deck, line + 1 + offset, `agenda: expected a line like \`- The cascade (20 min)\`, got ${JSON.stringify(trimmed)}`);
        return;
      }
      items.push({ id: '', title: match[1] ?? '', minutes: Number(match[2]) });
    });
    const rows = items.map((item) => {
      const id = `<span class="agenda-id">${escapeHtml(item.id)}</span> `;
      const minutes = item.minutes === null ? '' : ` <span class="agenda-minutes">${item.minutes} min</span>`;
      return `<li>${id}<span class="agenda-title">${md.renderInline(item.title, env)}</span>${minutes}</li>`;
    });
    const total = items.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
    const summary = total > 0 ? `<p class="agenda-total">About ${formatDuration(total)} in all.</p>` : '';
    return `<ol class="agenda">\n${rows.join('\n')}\n</ol>\n${summary}\n`;
  });
}

function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
