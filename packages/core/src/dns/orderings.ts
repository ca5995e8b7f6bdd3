/** Small orderings of int lists that the symmetry reduction (symmetry.ts) compares and sorts. */

/** Whether `a` sorts before `b`, element by element, a prefix first. */
export function lessThan(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return a.length < b.length;
}

/** Insertion sort of `values[start..]`: a zone holds a few dozen records. */
export function sortTail(values: number[], start: number): void {
  for (let i = start + 1; i < values.length; i++) {
    const v = values[i] as number;
    let j = i - 1;
    while (j >= start && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

/** Every ordering of `items`, the identity first. */
export function permutationsOf(items: readonly number[]): number[][] {
  if (items.length <= 1) return [[...items]];
  const result: number[][] = [];
  items.forEach((head, i) => {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutationsOf(rest)) result.push([head, ...tail]);
  });
  return result;
}
