import { ConfigError } from '../../config-error.ts';
import { el, escapeXml, num, svgDocument } from './escape.ts';
import { GRID, INK, MUTED, TONES, type Tone } from './palette.ts';

export interface SequenceLane {
  readonly id: string;
  readonly label: string;
}

/** One step: an arrow between two lanes, or a note on one lane when `from === to`. */
export interface SequenceMessage {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  /** Shown in the left margin, e.g. a clock time. */
  readonly time?: string;
  /** A failed call is drawn dashed and red. */
  readonly ok?: boolean;
}

/** Calls attention to one message: its row is shaded and the label goes in the margin. */
export interface SequenceMark {
  /** Index into `messages`. */
  readonly at: number;
  readonly label: string;
  readonly tone?: Tone;
}

export interface SequenceDiagram {
  readonly title: string;
  readonly lanes: readonly SequenceLane[];
  readonly messages: readonly SequenceMessage[];
  readonly marks?: readonly SequenceMark[];
}

const TIME_COLUMN = 120;
const LANE_WIDTH = 150;
const MARK_COLUMN = 300;
/** Characters per line of a mark label at 14px in the margin column. */
const MARK_LINE = 34;
const HEADER = 64;
const ROW = 34;
const LABEL_HALO = { 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 4, 'stroke-linejoin': 'round' } as const;

/**
 * A sequence diagram as SVG text: pure, no DOM, the same input gives the same bytes.
 * Lanes are columns, time runs down, one row per message.
 */
export function renderSequenceDiagram(diagram: SequenceDiagram): string {
  const laneX = validate(diagram);
  const marks = diagram.marks ?? [];
  const lanesRight = TIME_COLUMN + diagram.lanes.length * LANE_WIDTH;
  const width = lanesRight + (marks.length > 0 ? MARK_COLUMN : 16);
  const height = HEADER + diagram.messages.length * ROW + 16;
  const rowY = (i: number): number => HEADER + i * ROW + ROW / 2 + 4;
  const parts: string[] = [el('rect', { x: 0, y: 0, width, height, fill: '#fff' })];

  for (const mark of marks) {
    const y = rowY(mark.at);
    const color = TONES[mark.tone ?? 'danger'];
    parts.push(el('rect', { x: 4, y: y - ROW / 2 - 2, width: width - 8, height: ROW, rx: 4, fill: color, 'fill-opacity': 0.1 }));
    const lines = wrap(mark.label, MARK_LINE);
    const firstY = y + 5 - ((lines.length - 1) * 15) / 2;
    const spans = lines.map((line, i) => el('tspan', { x: lanesRight + 14, y: firstY + i * 15 }, escapeXml(line))).join('');
    parts.push(el('text', { 'font-size': 14, 'font-weight': 600, fill: color }, spans));
  }

  diagram.lanes.forEach((lane, i) => {
    const x = TIME_COLUMN + i * LANE_WIDTH + LANE_WIDTH / 2;
    parts.push(el('line', { x1: x, y1: HEADER - 14, x2: x, y2: height - 8, stroke: GRID, 'stroke-width': 2, 'stroke-dasharray': '4 4' }));
    parts.push(el('rect', { x: x - LANE_WIDTH / 2 + 8, y: 8, width: LANE_WIDTH - 16, height: 36, rx: 6, fill: '#14213d' }));
    parts.push(el('text', { x, y: 31, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 600, fill: '#fff' }, escapeXml(lane.label)));
  });

  diagram.messages.forEach((message, i) => {
    const y = rowY(i);
    if (message.time !== undefined) {
      parts.push(el('text', { x: 8, y: y + 4, 'font-size': 12, 'font-family': 'ui-monospace, monospace', fill: MUTED }, escapeXml(message.time)));
    }
    const color = message.ok === false ? TONES.danger : INK;
    const dash = message.ok === false ? '6 4' : undefined;
    const x1 = laneX.get(message.from) ?? 0;
    const x2 = laneX.get(message.to) ?? 0;
    if (x1 === x2) {
      parts.push(el('path', { d: `M${num(x1)} ${num(y - 8)} h22 v12 h-16`, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }));
      parts.push(arrowHead(x1 + 6, y + 4, -1, color));
      parts.push(el('text', { x: x1 + 28, y: y + 1, 'font-size': 13, fill: color, ...LABEL_HALO }, escapeXml(message.label)));
      return;
    }
    const direction = x2 > x1 ? 1 : -1;
    parts.push(el('line', { x1, y1: y, x2: x2 - direction * 8, y2: y, stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }));
    parts.push(arrowHead(x2, y, direction, color));
    if (message.ok === false) {
      parts.push(el('text', { x: x2 - direction * 16, y: y - 4, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 700, fill: color }, '✗'));
    }
    parts.push(el('text', { x: (x1 + x2) / 2, y: y - 6, 'text-anchor': 'middle', 'font-size': 13, fill: color, ...LABEL_HALO }, escapeXml(message.label)));
  });

  return svgDocument(width, height, diagram.title, parts.join(''));
}

/** Breaks a label into lines of at most `width` characters, at spaces; at most two lines. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length <= 2 ? lines : [lines[0] ?? '', `${lines.slice(1).join(' ').slice(0, width - 1)}…`];
}

function arrowHead(x: number, y: number, direction: number, color: string): string {
  const back = x - direction * 10;
  return el('path', { d: `M${num(x)} ${num(y)} L${num(back)} ${num(y - 5)} L${num(back)} ${num(y + 5)} Z`, fill: color });
}

/** Checks the diagram where it enters; returns each lane's x position. */
function validate(diagram: SequenceDiagram): Map<string, number> {
  if (diagram.lanes.length === 0) throw new ConfigError('lanes', 'no lanes', 'at least one { id, label }');
  const laneX = new Map<string, number>();
  diagram.lanes.forEach((lane, i) => {
    if (laneX.has(lane.id)) throw new ConfigError(`lanes[${i}].id`, `${JSON.stringify(lane.id)} is used twice`, 'a unique id per lane');
    laneX.set(lane.id, TIME_COLUMN + i * LANE_WIDTH + LANE_WIDTH / 2);
  });
  const valid = diagram.lanes.map((l) => l.id).join(', ');
  diagram.messages.forEach((m, i) => {
    if (!laneX.has(m.from)) throw new ConfigError(`messages[${i}].from`, `${JSON.stringify(m.from)} is not a lane`, valid);
    if (!laneX.has(m.to)) throw new ConfigError(`messages[${i}].to`, `${JSON.stringify(m.to)} is not a lane`, valid);
  });
  (diagram.marks ?? []).forEach((mark, i) => {
    if (!Number.isInteger(mark.at) || mark.at < 0 || mark.at >= diagram.messages.length) {
      throw new ConfigError(`marks[${i}].at`, `${mark.at} is not a message index`, `0 to ${diagram.messages.length - 1}`);
    }
  });
  return laneX;
}
