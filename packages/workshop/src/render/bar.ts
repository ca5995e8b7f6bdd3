/** A bar of `width` cells, filled in proportion to done/total (empty when total is 0). */
export function bar(done: number, total: number, width: number): { filled: string; empty: string } {
  const cells = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  return { filled: '█'.repeat(cells), empty: '░'.repeat(width - cells) };
}
