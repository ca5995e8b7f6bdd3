import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.ts';
import { renderSequenceDiagram, type SequenceDiagram } from '../../src/render/index.ts';
import { count, xmlProblems } from './well-formed.ts';

const race: SequenceDiagram = {
  title: 'Two Enactors, one endpoint',
  lanes: [
    { id: 'dns-planner', label: 'DnsPlanner' },
    { id: 'enactor-az1', label: 'Enactor AZ1' },
    { id: 'enactor-az2', label: 'Enactor AZ2' },
    { id: 'route53', label: 'Route53' },
  ],
  messages: [
    { from: 'dns-planner', to: 'dns-planner', label: 'publish generation 110', time: '23:40:00.000' },
    { from: 'enactor-az1', to: 'enactor-az1', label: 'check 110 > 109', time: '23:40:01.000' },
    { from: 'enactor-az1', to: 'route53', label: 'lock <regional>', ok: false, time: '23:40:02.000' },
    { from: 'enactor-az2', to: 'route53', label: 'apply 145 & clean up', time: '23:47:10.000' },
  ],
  marks: [
    { at: 1, label: 'freshness check, soon stale', tone: 'warning' },
    { at: 3, label: 'deletes the active plan' },
  ],
};

describe('renderSequenceDiagram', () => {
  it('draws one header per lane and one row per message, as well-formed SVG', () => {
    const svg = renderSequenceDiagram(race);
    expect(xmlProblems(svg), 'the SVG should parse as XML').toEqual([]);
    for (const lane of race.lanes) expect(svg).toContain(`>${lane.label}</text>`);
    expect(svg).toContain('publish generation 110');
    expect(svg).toContain('23:47:10.000');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('escapes labels, so an endpoint name in angle brackets cannot break the markup', () => {
    const svg = renderSequenceDiagram(race);
    expect(svg).toContain('lock &lt;regional&gt;');
    expect(svg).toContain('apply 145 &amp; clean up');
    expect(svg).not.toContain('<regional>');
  });

  it('draws a failed call dashed and crossed, and an ordinary one solid', () => {
    const svg = renderSequenceDiagram(race);
    expect(count(svg, '>✗</text>'), 'one failed lock attempt, one cross').toBe(1);
    const ok = renderSequenceDiagram({ ...race, messages: race.messages.map((m) => ({ ...m, ok: true })) });
    expect(count(ok, '✗'), 'with every call succeeding nothing is crossed out').toBe(0);
    expect(count(svg, 'stroke-dasharray="6 4"')).toBe(1);
  });

  it('shades the marked rows and writes their labels in the margin', () => {
    const svg = renderSequenceDiagram(race);
    expect(svg).toContain('freshness check, soon stale');
    expect(svg).toContain('deletes the active plan');
    expect(count(svg, 'fill-opacity="0.1"')).toBe(2);
    const unmarked = renderSequenceDiagram({ ...race, marks: [] });
    expect(count(unmarked, 'fill-opacity'), 'no marks, no shading').toBe(0);
  });

  it('grows with the number of messages', () => {
    const height = (svg: string): number => Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1]);
    const longer = renderSequenceDiagram({ ...race, messages: [...race.messages, ...race.messages] });
    expect(height(longer)).toBeGreaterThan(height(renderSequenceDiagram(race)));
  });

  it('rejects a message from a lane that does not exist, naming the lanes that do', () => {
    const bad = { ...race, messages: [{ from: 'enactor-az9', to: 'route53', label: 'apply' }] };
    expect(() => renderSequenceDiagram(bad)).toThrow(ConfigError);
    expect(() => renderSequenceDiagram(bad)).toThrow('messages[0].from: "enactor-az9" is not a lane (valid: dns-planner, enactor-az1, enactor-az2, route53)');
  });

  it('rejects a mark that points past the last message', () => {
    expect(() => renderSequenceDiagram({ ...race, marks: [{ at: 4, label: 'x' }] })).toThrow('marks[0].at: 4 is not a message index (valid: 0 to 3)');
  });

  it('rejects duplicate lanes', () => {
    const lanes = [...race.lanes, { id: 'route53', label: 'again' }];
    expect(() => renderSequenceDiagram({ ...race, lanes })).toThrow('lanes[4].id: "route53" is used twice');
  });
});
