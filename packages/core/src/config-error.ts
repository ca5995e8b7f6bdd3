/**
 * A scenario or configuration value that cannot be used. Raised where the value enters,
 * so the learner sees the field and what would be valid, not a stack trace from deep
 * inside the model.
 */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly valid: string,
  ) {
    super(`${field}: ${problem} (valid: ${valid})`);
    this.name = 'ConfigError';
  }
}

/**
 * The checks every configuration's validator is made of (DNS, EC2, NLB, the Region), so
 * the validators differ only in their fields and all errors read the same way.
 */
export const check = {
  finiteAtLeast(field: string, value: unknown, min: number, unit = ''): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ConfigError(field, `${describe(value)} is not a number`, `a finite number ≥ ${min}${unit}`);
    }
    if (value < min) throw new ConfigError(field, `${value}${unit} is below ${min}${unit}`, `a finite number ≥ ${min}${unit}`);
    return value;
  },
  /** Like finiteAtLeast, but Infinity is allowed ("never"). */
  atLeastOrNever(field: string, value: unknown, min: number, unit = ''): number {
    if (value === Infinity) return value;
    return check.finiteAtLeast(field, value, min, unit);
  },
  integerAtLeast(field: string, value: unknown, min: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new ConfigError(field, `${describe(value)} is not a whole number`, `a whole number ≥ ${min}`);
    }
    if (value < min) throw new ConfigError(field, `${value} is below ${min}`, `a whole number ≥ ${min}`);
    return value;
  },
  finite(field: string, value: unknown, unit = ''): number {
    return check.finiteAtLeast(field, value, Number.MIN_SAFE_INTEGER, unit);
  },
  positive(field: string, value: unknown): number {
    const n = check.finiteAtLeast(field, value, 0);
    if (n === 0) throw new ConfigError(field, 'is 0', 'a number above 0');
    return n;
  },
  fraction(field: string, value: unknown): number {
    const n = check.finiteAtLeast(field, value, 0);
    if (n > 1) throw new ConfigError(field, `${n} is above 1`, 'a fraction from 0 to 1');
    return n;
  },
  /** A section of a configuration: present, an object, and not a list. */
  object(field: string, value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(field, 'is missing or not an object', 'an object');
    return value as Record<string, unknown>;
  },
  /** A list of sections, each checked with `object`. */
  objects<T>(field: string, value: readonly T[]): readonly T[] {
    if (!Array.isArray(value)) throw new ConfigError(field, 'is not a list', 'a list (may be empty)');
    value.forEach((item, i) => check.object(`${field}[${i}]`, item));
    return value;
  },
  name(field: string, value: unknown): string {
    if (typeof value !== 'string' || value === '') throw new ConfigError(field, 'is missing', 'a non-empty string');
    return value;
  },
  oneOf<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
    if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
    throw new ConfigError(field, `${describe(value)} is not known`, choices.join(', '));
  },
};

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'missing';
  return JSON.stringify(value) ?? String(value);
}
