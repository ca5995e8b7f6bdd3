import markdownIt, { type MarkdownIt } from 'markdown-it';
import type { DeckError } from './deck-error.ts';
import { newDeckEnv, type SlideMeta } from './env.ts';
import type { FrontMatter } from './front-matter.ts';
import { agendaPlugin, type AgendaSource } from './plugins/agenda.ts';
import { closedFencesPlugin } from './plugins/closed-fences.ts';
import { fragmentsPlugin } from './plugins/fragments.ts';
import { frontMatterPlugin } from './plugins/front-matter.ts';
import { highlightPlugin } from './plugins/highlight.ts';
import { inlineImagesPlugin } from './plugins/inline-images.ts';
import { notesPlugin } from './plugins/notes.ts';
import { remoteHtmlPlugin } from './plugins/remote-html.ts';
import { simDiagramPlugin, type DiagramSource } from './plugins/sim-diagram.ts';
import { slidesPlugin } from './plugins/slides.ts';
import { titleSlidePlugin } from './plugins/title-slide.ts';
import { widgetsPlugin, type WidgetScript, type WidgetSource } from './plugins/widgets.ts';

export interface EngineOptions {
  /** Raw HTML in decks; off, so a deck cannot pull in a script or a remote resource. */
  readonly html?: boolean;
  /** What `sim` fences draw; the caller's (the engine knows no simulator). */
  readonly diagrams?: DiagramSource;
  /** What `agenda` fences list; the caller's (the engine knows no course). */
  readonly agenda?: AgendaSource;
  /** Live widgets (fences the caller renders with a script); none when absent. */
  readonly widgets?: WidgetSource;
}

export interface RenderedDeck {
  /** The slides as <section> elements. */
  readonly html: string;
  readonly title: string;
  readonly frontMatter: FrontMatter;
  readonly slides: readonly SlideMeta[];
  /** The scripts the deck's widgets need, one per name, in the order first used. */
  readonly scripts: readonly WidgetScript[];
  readonly errors: readonly DeckError[];
}

/**
 * The engine is markdown-it plus one plugin per feature. `sim` and `agenda` fences get
 * token types of their own from one core rule (plugins/fence-types.ts), so the fence
 * plugins may come in any order; `highlight` renders the plain code fences.
 */
export function createEngine(options: EngineOptions = {}): MarkdownIt {
  return markdownIt({ html: options.html ?? false, linkify: false, typographer: true })
    .use(frontMatterPlugin)
    .use(slidesPlugin)
    .use(notesPlugin)
    .use(titleSlidePlugin)
    .use(closedFencesPlugin)
    .use(widgetsPlugin, options.widgets)
    .use(fragmentsPlugin)
    .use(inlineImagesPlugin)
    .use(remoteHtmlPlugin)
    .use(highlightPlugin)
    .use(simDiagramPlugin, options.diagrams === undefined ? {} : { diagrams: options.diagrams })
    .use(agendaPlugin, options.agenda === undefined ? {} : { agenda: options.agenda });
}

/** Renders one deck. Problems are returned, never thrown, each with the deck's file and line. */
export function renderDeck(md: MarkdownIt, source: string, file: string, baseDir: string): RenderedDeck {
  const env = newDeckEnv(file, baseDir);
  // markdown-it types env as a plain record; the plugins read it back with deckEnv().
  const html = md.render(source, env as unknown as Record<string, unknown>);
  const title = env.frontMatter.title ?? env.slides.find((s) => s.heading !== '')?.heading ?? file;
  const scripts = [...new Map(env.widgets.map((w) => [w.script.name, w.script])).values()];
  return { html, title, frontMatter: env.frontMatter, slides: env.slides, scripts, errors: [...env.errors].sort((a, b) => a.line - b.line) };
}
