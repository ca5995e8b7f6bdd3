/**
 * A problem in a deck's Markdown, located at the line an author has to fix. Build errors
 * are collected, not thrown, so one broken deck never stops the others from building.
 */
export class DeckError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line in the deck file. */
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'DeckError';
  }
}
