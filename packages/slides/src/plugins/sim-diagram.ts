import type { MarkdownIt } from 'markdown-it';
import { deckEnv, report } from '../env.ts';
import { escapeHtml } from '../html.ts';
import { fenceType } from './fence-types.ts';

/** Draws a named diagram from the simulator; throws when the name or seed is not valid. */
export type DiagramSource = (name: string, options: { seed: number }) => string;

export interface SimDiagramOptions {
  /** None: a `sim` fence is a deck error that says the engine was given no diagram source. */
  readonly diagrams?: DiagramSource;
  /** Seed when neither the fence nor the front matter gives one. */
  readonly defaultSeed?: number;
}

/**
 * ```sim october2025 seed=7``` runs the simulator while the deck is built and inlines the
 * SVG it draws, so the slide shows what the model does rather than a hand-drawn copy of
 * it, and works offline and in print. The fence's body, if any, becomes the caption.
 */
export function simDiagramPlugin(md: MarkdownIt, options: SimDiagramOptions): void {
  fenceType(md, 'sim', (tokens, idx, _opts, env) => {
    const token = tokens[idx];
    if (token === undefined) return '';
    const words = token.info.trim().split(/\s+/);
    const deck = deckEnv(env);
    const line = token.map?.[0] ?? 0;
    const [, name, ...params] = words;
    if (name === undefined) {
      report(deck, line, 'a sim fence needs a diagram name, e.g. ```sim october2025');
      return '';
    }
    let seed = deck.frontMatter.seed ?? options.defaultSeed ?? 1;
    for (const param of params) {
      const match = /^seed=(\d+)$/.exec(param);
      if (match === null) {
        report(deck, line, `sim ${name}: unknown parameter ${JSON.stringify(param)} (valid: seed=<whole number>)`);
        return '';
      }
      seed = Number(match[1]);
    }
    if (options.diagrams === undefined) {
      report(deck, line, `sim ${name}: this deck engine was given no diagram source`);
      return '';
    }
    let svg: string;
    try {
      svg = options.diagrams(name, { seed });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The registry's own errors already start with `sim:` and list the valid names.
      report(deck, line, message.startsWith('sim') ? message : `sim ${name}: ${message}`);
      return '';
    }
    const caption = token.content.trim();
    const figcaption = caption === '' ? '' : `<figcaption>${md.renderInline(caption, env)}</figcaption>`;
    return `<figure class="sim" data-sim="${escapeHtml(name)}" data-seed="${seed}">${svg}${figcaption}</figure>\n`;
  });
}
