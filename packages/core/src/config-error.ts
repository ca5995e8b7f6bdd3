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

/** Small checks shared by every validator, so all errors read the same way. */
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
