import { readFileSync } from 'node:fs';
import { buildSync } from 'esbuild';

const scripts = new Map<string, string>();

/**
 * The browser code of a widget: its entry in ./browser/ with the core's own model code,
 * bundled and minified by esbuild into one script the deck carries inline. Built once per
 * process, so a served deck rebuilt on save does not pay for it again.
 */
export function browserBundle(entry: 'player' | 'knobs'): string {
  let code = scripts.get(entry);
  if (code === undefined) {
    const result = buildSync({
      entryPoints: [new URL(`./browser/${entry}.ts`, import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      // The model must behave in the deck exactly as in `npm run explore`: no polyfills, no
      // rewriting beyond what minifying does.
      charset: 'ascii',
    });
    code = result.outputFiles[0]?.text.trim() ?? '';
    scripts.set(entry, code);
  }
  return code;
}

/** A widget's CSS, a plain file like the deck's own. */
export function widgetCss(entry: 'player' | 'knobs'): string {
  return readFileSync(new URL(`./${entry}.css`, import.meta.url), 'utf8');
}
