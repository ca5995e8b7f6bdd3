/**
 * The deck header. Only flat `key: value` lines are accepted: a deck needs a handful of
 * strings, and a full YAML parser would be a new dependency for no gain.
 */
export interface FrontMatter {
  title?: string;
  subtitle?: string;
  author?: string;
  date?: string;
  /** Shown at the foot of every content slide. */
  footer?: string;
  /** Default seed for ```sim``` diagrams in this deck. */
  seed?: number;
}

const STRING_KEYS = ['title', 'subtitle', 'author', 'date', 'footer'] as const;
export const FRONT_MATTER_KEYS: readonly string[] = [...STRING_KEYS, 'seed'];

export interface FrontMatterProblem {
  /** 0-based index of the offending line within the block. */
  readonly offset: number;
  readonly problem: string;
}

/** Parses the lines between the two `---` fences; returns the values and any problems. */
export function parseFrontMatter(lines: readonly string[]): { values: FrontMatter; problems: FrontMatterProblem[] } {
  const values: FrontMatter = {};
  const problems: FrontMatterProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, offset) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (match === null) {
      problems.push({ offset, problem: `front matter: expected \`key: value\`, got ${JSON.stringify(line)}` });
      return;
    }
    const key = match[1] ?? '';
    const value = unquote(match[2] ?? '');
    if (value === null) {
      problems.push({ offset, problem: `front matter: the value of \`${key}\` has an unclosed quote` });
      return;
    }
    if (seen.has(key)) {
      problems.push({ offset, problem: `front matter: \`${key}\` is given twice` });
      return;
    }
    seen.add(key);
    if (key === 'seed') {
      // A seed past 2^53 would silently become another number, and so another night.
      if (!/^\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) {
        problems.push({ offset, problem: `front matter: seed ${JSON.stringify(value)} is not a whole number from 0 to ${Number.MAX_SAFE_INTEGER}` });
        return;
      }
      values.seed = Number(value);
      return;
    }
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      values[key as (typeof STRING_KEYS)[number]] = value;
      return;
    }
    problems.push({ offset, problem: `front matter: unknown key \`${key}\` (valid: ${FRONT_MATTER_KEYS.join(', ')})` });
  });
  return { values, problems };
}

function unquote(value: string): string | null {
  const first = value[0];
  if (first !== '"' && first !== "'") return value;
  if (value.length < 2 || value[value.length - 1] !== first) return null;
  return value.slice(1, -1);
}
