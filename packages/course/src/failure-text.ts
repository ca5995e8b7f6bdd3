/**
 * What a learner reads when a step fails. A lesson's message tells the incident; Vitest
 * appends its own account of the assertion (": expected 60 to be +0 // Object.is
 * equality"), which helps whoever debugs the test and no one learning the outage. The
 * runner shows the incident's part, and Vitest's only with --verbose.
 */

/**
 * Set by `npm run ui` for the Vitest it starts: the UI then shows step 0 as a test
 * (vitest-projects.ts) and the lesson's words without Vitest's (lesson-setup.ts), as the
 * CLI does. The CLI's own runs leave messages whole, so that --verbose can show them.
 */
export const UI_RUN_ENV = 'OUTAGE_LAB_UI';

/** Chai's account of an assertion: `expected <value> to [not] <verb> …`. */
const VITEST_WORDS = /\bexpected\b[\s\S]*?\bto (?:not )?(?:be|equal|deeply|strictly|have|include|contain|match|satisfy|throw|start|end|exist|a|an)\b/;

export interface FailureText {
  /** The lesson's own words: everything before Vitest's tail. */
  readonly story: string;
  /** Vitest's words, or null when the message has none. */
  readonly vitest: string | null;
}

/** Splits a failure message at the last place where Vitest's words take over. */
export function splitFailure(message: string): FailureText {
  const starts = [...message.matchAll(/(?:^|: )expected /g)].map((m) => m.index);
  for (const at of starts.reverse()) {
    const rest = message.slice(at).replace(/^: /, '');
    if (VITEST_WORDS.test(rest) && rest.search(VITEST_WORDS) === 0) return { story: message.slice(0, at).trimEnd(), vitest: rest };
  }
  return { story: message, vitest: null };
}

/** At most this many lines of one failure, unless --verbose. */
export const FAILURE_LINES = 48;
/** Of a longer one, the first lines kept; the rest of the room goes to its end, where the break and the verdict are. */
const HEAD_LINES = 8;

/**
 * The lines a learner sees for one failure: the lesson's words, Vitest's appended only
 * when verbose; a long story keeps its start and its end (where a timeline breaks its
 * invariant and the message says what that means), with the cut marked.
 */
export function failureLines(message: string, options: { readonly verbose?: boolean } = {}): string[] {
  if (options.verbose === true) return message.split('\n');
  const { story } = splitFailure(message);
  const lines = (story === '' ? message : story).split('\n');
  if (lines.length <= FAILURE_LINES) return lines;
  const tail = FAILURE_LINES - HEAD_LINES - 1;
  return [...lines.slice(0, HEAD_LINES), `⋮ ${lines.length - HEAD_LINES - tail} lines not shown (--verbose shows them)`, ...lines.slice(-tail)];
}

/**
 * Why a failure, as the learner sees it, does not tell the incident: Vitest's words in
 * place of the lesson's, a last line that is not a sentence, or a counterexample whose
 * timeline stops before the step that broke its invariant. Empty when it reads well.
 */
export function failureProblems(shown: readonly string[]): string[] {
  const text = shown.join('\n');
  const problems: string[] = [];
  const vitest = VITEST_WORDS.exec(text);
  if (vitest !== null) problems.push(`says it in Vitest's words ("${vitest[0].slice(0, 60)}…") instead of the incident's`);
  const last = [...shown].reverse().find((l) => l.trim() !== '')?.trim() ?? '';
  if (!/[.!?]["'”’)]?$/.test(last)) problems.push(`does not end in a sentence: its last line is "${last.slice(-60)}"`);
  // "✖ generation-never-regresses broken after step 8: …" (formatCounterexample), or a lesson's own "… broke after step 8 of 8."
  for (const broken of text.matchAll(/([\w.-]+) broken? after step (\d+)/g)) {
    const [, invariant, step] = broken;
    const shownBreak = shown.some((l) => new RegExp(`^\\s*\\S+\\s+✖ ${escape(invariant ?? '')}:`).test(l));
    if (!shownBreak) problems.push(`says "${invariant}" broke after step ${step}, but its timeline never shows that step`);
  }
  return problems;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
