/** Where the progress line goes: a terminal gets a bar redrawn in place; anything else gets nothing. */
export interface ProgressSink {
  readonly isTTY: boolean;
  write(text: string): void;
}

const WIDTH = 30;

/**
 * One line, redrawn in place: `[██████░░░░]  40%  NLB fix only · nlb`. Redraws only when
 * the bar or the label changes, so a fast night costs a handful of writes.
 */
export class ProgressLine {
  #last = '';

  constructor(readonly sink: ProgressSink) {}

  update(fraction: number, label: string): void {
    if (!this.sink.isTTY) return;
    const done = Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
    const line = `[${'█'.repeat(done)}${'░'.repeat(WIDTH - done)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${label}`;
    if (line === this.#last) return;
    this.sink.write(`\r${line.padEnd(this.#last.length)}`);
    this.#last = line;
  }

  /** Clears the line, so what follows starts on a clean one. */
  done(): void {
    if (!this.sink.isTTY || this.#last === '') return;
    this.sink.write(`\r${' '.repeat(this.#last.length)}\r`);
    this.#last = '';
  }
}
