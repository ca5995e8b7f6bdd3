import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected into each page the tests check. */
const AXE = readFileSync(join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/**
 * axe-core's violations on the page (or inside `selector`), one line each: rule, impact,
 * what it asks, and where. The page's context must bypass CSP: the decks allow only
 * their own scripts.
 */
export async function axeViolations(page: Page, label: string, selector: string | null = null): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (within) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(within === null ? document : within, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, selector);
  return violations.map((v) => `${label}: ${v.id} (${v.impact ?? 'minor'}): ${v.help}: ${v.nodes.length} element(s), e.g. ${v.nodes[0]?.target.join(' ') ?? '?'}`);
}
