import markdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { newDeckEnv } from '../../src/env.ts';
import { agendaPlugin } from '../../src/plugins/agenda.ts';
import { fenceType } from '../../src/plugins/fence-types.ts';
import { highlightPlugin } from '../../src/plugins/highlight.ts';
import { simDiagramPlugin } from '../../src/plugins/sim-diagram.ts';
import { fakeAgenda, fakeDiagrams } from '../support/render.ts';

const DECK = '```sim toy seed=2\nA toy\n```\n\n```agenda\n```\n\n```ts\nconst a = 1;\n```\n\n```text\nplain\n```\n';

function render(order: readonly ('sim' | 'agenda' | 'highlight')[]): string {
  const md = markdownIt();
  for (const name of order) {
    if (name === 'sim') md.use(simDiagramPlugin, { diagrams: fakeDiagrams });
    if (name === 'agenda') md.use(agendaPlugin, { agenda: fakeAgenda });
    if (name === 'highlight') md.use(highlightPlugin);
  }
  return md.render(DECK, newDeckEnv('deck.md', '.') as unknown as Record<string, unknown>);
}

describe('fence types', () => {
  it('render the same deck whatever order the fence plugins are used in', () => {
    const html = render(['highlight', 'sim', 'agenda']);
    expect(html).toContain('<figure class="sim" data-sim="toy" data-seed="2"><svg data-toy="2"></svg>');
    expect(html).toContain('<ol class="agenda">');
    expect(html).toContain('<code class="language-ts">');
    for (const order of [['sim', 'agenda', 'highlight'], ['agenda', 'highlight', 'sim'], ['sim', 'highlight', 'agenda']] as const) {
      expect(render(order), order.join(', ')).toBe(html);
    }
  });

  it('re-type only the fences whose first word is registered', () => {
    const md = markdownIt();
    fenceType(md, 'sim', () => 'SIM\n');
    const types = md.parse('```sim x\n```\n\n```simulation\n```\n\n```ts sim\n```\n', {}).filter((t) => t.type !== 'inline').map((t) => t.type);
    expect(types).toEqual(['sim', 'fence', 'fence']);
    expect(md.render('```sim x\n```\n')).toBe('SIM\n');
  });

  it('leave a plugin free to add a type of its own', () => {
    const md = markdownIt().use(simDiagramPlugin, { diagrams: fakeDiagrams });
    fenceType(md, 'sim-player', (tokens, idx) => `<player>${tokens[idx]?.info ?? ''}</player>\n`);
    expect(md.render('```sim-player october2025\n```\n')).toBe('<player>sim-player october2025</player>\n');
    expect(md.render('```sim toy\n```\n', newDeckEnv('deck.md', '.') as unknown as Record<string, unknown>)).toContain('data-sim="toy"');
  });
});
