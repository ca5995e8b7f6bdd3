import type { MarkdownIt, StateCore } from 'markdown-it';
import { deckEnv, report } from '../env.ts';
import { escapeHtml } from '../html.ts';
import type { WidgetScript } from './widget-script.ts';

/** What a deck's fence asks a widget source for. */
export interface WidgetRequest {
  /** The fence's first word, e.g. `sim-player`. */
  readonly kind: string;
  /** The other words of the fence's info line. */
  readonly args: readonly string[];
  /** The fence's body. */
  readonly body: string;
  /** The deck's seed (front matter), or 1. */
  readonly seed: number;
  /** Unique in the deck (`w1`, `w2`, …): the key of its state in the URL hash and between windows. */
  readonly id: string;
}

export type { WidgetScript } from './widget-script.ts';

/** A live widget as the caller draws it at build time. */
export interface Widget {
  /**
   * The static frame: shown before the script runs, without script, and in print and PDF.
   * It also carries whatever the script needs to start (data attributes, say).
   */
  readonly html: string;
  /**
   * Browser code (and its CSS) that brings frames of this kind to life. Scripts with one
   * name are inlined once per deck, after the deck's own script (window.OutageDeck).
   */
  readonly script: WidgetScript;
}

/**
 * Where live widgets come from. The engine knows nothing of what they show: the caller
 * (the course's deck build) names the fence kinds it draws and renders them; a kind it
 * cannot render is reported by throwing an Error whose message is the deck's error line.
 */
export interface WidgetSource {
  readonly kinds: readonly string[];
  render(request: WidgetRequest): Widget;
}

/**
 * Fences whose first word is a widget kind become `widget` tokens (Marpit's way: re-type
 * the token in a core rule rather than chain fence renderers), rendered as a figure that
 * holds the caller's static frame. The scripts they need are collected for the page.
 */
export function widgetsPlugin(md: MarkdownIt, source: WidgetSource | undefined): void {
  if (source === undefined || source.kinds.length === 0) return;
  const kinds = new Set(source.kinds);
  md.core.ruler.before('inline', 'widget_fences', (state: StateCore) => {
    for (const token of state.tokens) {
      if (token.type !== 'fence') continue;
      const [kind = '', ...args] = token.info.trim().split(/\s+/);
      if (!kinds.has(kind)) continue;
      token.type = 'widget';
      token.meta = { kind, args };
    }
  });
  md.renderer.rules['widget'] = (tokens, idx, _options, env) => {
    const token = tokens[idx];
    if (token === undefined) return '';
    const deck = deckEnv(env);
    const { kind, args } = token.meta as { kind: string; args: string[] };
    const id = `w${deck.widgets.length + 1}`;
    let widget: Widget;
    try {
      widget = source.render({ kind, args, body: token.content, seed: deck.frontMatter.seed ?? 1, id });
    } catch (error) {
      report(deck, token.map?.[0] ?? 0, error instanceof Error ? error.message : String(error));
      return '';
    }
    deck.widgets.push({ id, kind, script: widget.script });
    return `<figure class="widget" data-widget="${escapeHtml(kind)}" data-widget-id="${id}">\n<div class="widget-frame">${widget.html}</div>\n</figure>\n`;
  };
}
