import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.ts';
import { diagramNames, simDiagram } from '../../src/render/index.ts';

describe('simDiagram', () => {
  it('refuses an unknown name with one line listing the diagrams there are', () => {
    expect(() => simDiagram('october2052', { seed: 1 })).toThrow(ConfigError);
    const names = diagramNames();
    const valid = names.length > 0 ? names.join(', ') : 'none registered yet';
    expect(() => simDiagram('october2052', { seed: 1 })).toThrow(`sim: no diagram named "october2052" (valid: ${valid})`);
  });

  it.each(diagramNames())('draws %s the same way twice for the same seed, as SVG', (name) => {
    const first = simDiagram(name, { seed: 7 });
    expect(first.startsWith('<svg')).toBe(true);
    expect(simDiagram(name, { seed: 7 })).toBe(first);
  });
});
