// The race player in a deck: the core's DNS model, stepped in the browser. Its state
// (step, and the replay string when it is not the fence's) lives in the deck's URL hash
// and travels to the presenter view like a slide change does.
import { ENACTOR_PROGRAMS } from '../enactors.ts';
import { PlayerSession, readSource, sourceText, withSeed, type PlayerSource } from '../player-session.ts';
import { playerStatus, renderPlayerView } from '../player-view.ts';
import { button, deckOf, field, make, onCurrentSlide, type Deck } from './deck.ts';
import { playerAction } from '../player-keys.ts';

interface Config {
  readonly source: string;
  readonly enactor: string;
  readonly start: number;
}

/** Steps per Play tick, and how long a tick waits: one step is watchable, the October night needs thousands. */
const SPEEDS: readonly (readonly [string, number, number])[] = [
  ['1 step', 1, 500],
  ['10 steps', 10, 120],
  ['100 steps', 100, 60],
  ['1000 steps', 1000, 60],
];

function mount(deck: Deck, figure: HTMLElement): void {
  const id = figure.dataset['widgetId'] ?? '';
  const frame = figure.querySelector<HTMLElement>('.player[data-config]');
  if (frame === null || id === '') return;
  const config = JSON.parse(frame.dataset['config'] ?? '{}') as Config;
  const program = ENACTOR_PROGRAMS[config.enactor] ?? ENACTOR_PROGRAMS['faithful'];
  const fenceSource = readSource(config.source);

  const root = make('div', 'player live-view');
  root.tabIndex = 0;
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', 'Race player');
  root.setAttribute('aria-keyshortcuts', 'ArrowRight ArrowLeft Space Home Escape');
  const stepButton = button('Step', 'player-step');
  const backButton = button('Back', 'player-back');
  const playButton = button('Play', 'player-play');
  const pauseButton = button('Pause', 'player-pause');
  const resetButton = button('Reset', 'player-reset');
  const seedInput = make('input', 'player-seed');
  seedInput.type = 'number';
  seedInput.min = '0';
  const replayInput = make('input', 'player-replay');
  replayInput.type = 'text';
  replayInput.spellcheck = false;
  const loadButton = button('Load', 'player-load');
  const speedSelect = make('select', 'player-speed');
  SPEEDS.forEach(([label], i) => speedSelect.append(new Option(label, String(i))));
  const status = make('span', 'player-status');
  status.setAttribute('aria-live', 'polite');
  const error = make('p', 'player-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const view = make('div', 'player-view');
  const bar = make('div', 'player-bar');
  bar.append(stepButton, backButton, playButton, pauseButton, resetButton, field('Speed', speedSelect), field('Seed', seedInput), field('Replay string', replayInput), loadButton);
  root.append(bar, make('div', 'player-line'), view);
  root.children[1]?.append(status, error);

  let session: PlayerSession | null = null;
  let timer = 0;

  const build = (source: PlayerSource): PlayerSession => new PlayerSession(source, program?.());

  /** The state as the hash keeps it: the step, and the source when it is not the fence's. */
  const stateText = (s: PlayerSession): string | null => {
    const text = sourceText(s.source);
    if (text === config.source && s.steps === config.start) return null;
    return text === config.source ? String(s.steps) : `${s.steps}~${text}`;
  };

  const draw = (): void => {
    if (session === null) return;
    view.innerHTML = renderPlayerView(session);
    status.textContent = playerStatus(session);
    seedInput.value = String(session.source.seed);
    if (document.activeElement !== replayInput) replayInput.value = sourceText(session.source);
    stepButton.disabled = session.ended;
    backButton.disabled = session.steps === 0;
    playButton.disabled = session.ended || timer !== 0;
    pauseButton.disabled = timer === 0;
    const timeline = view.querySelector('.player-timeline');
    if (timeline !== null) timeline.scrollTop = timeline.scrollHeight;
  };

  const showError = (text: string | null): void => {
    error.textContent = text ?? '';
    error.hidden = text === null;
  };

  /** Applies a state from the hash or the other window; a state it cannot read starts afresh. */
  const apply = (value: string | null): PlayerSession => {
    const match = value === null ? null : /^(\d+)(?:~(.+))?$/.exec(value);
    let source = fenceSource;
    if (match?.[2] !== undefined) {
      try {
        source = readSource(match[2]);
      } catch {
        source = fenceSource;
      }
    }
    const next = session !== null && sourceText(session.source) === sourceText(source) ? session : build(source);
    session = next;
    next.goTo(match === null ? config.start : Number(match[1]));
    draw();
    return next;
  };

  /** Players start when their slide is first shown: the October night takes a moment to replay. */
  const start = (): PlayerSession => {
    if (session !== null) return session;
    const started = apply(deck.widget(id));
    figure.classList.add('live');
    deck.redrawn();
    return started;
  };

  /** A change made here: drawn, kept in the hash, sent to the other window. */
  const changed = (): void => {
    draw();
    if (session !== null) deck.setWidget(id, stateText(session));
  };

  const pause = (): void => {
    window.clearTimeout(timer);
    timer = 0;
    draw();
  };

  const tick = (): void => {
    const s = start();
    const [, steps, wait] = SPEEDS[Number(speedSelect.value)] ?? SPEEDS[0] ?? ['', 1, 500];
    for (let i = 0; i < steps && s.step(); i++);
    if (s.ended) {
      timer = 0;
      changed();
      return;
    }
    timer = window.setTimeout(tick, wait);
    changed();
  };

  /** Starts over from a new source (a pasted replay string, another seed), or says in the widget why it can't. */
  const restartFrom = (read: () => PlayerSource): void => {
    try {
      const source = read();
      pause();
      session = build(source);
      showError(null);
      changed();
    } catch (problem) {
      showError(problem instanceof Error ? problem.message : String(problem));
    }
  };

  const actions: Record<string, () => void> = {
    step: () => {
      start().step();
      changed();
    },
    back: () => {
      const s = start();
      // Exact: replays from the seed to the step before.
      s.goTo(s.steps - 1);
      changed();
    },
    play: () => {
      if (timer === 0 && !start().ended) timer = window.setTimeout(tick, 0);
      draw();
    },
    pause,
    reset: () => {
      pause();
      session = build(fenceSource);
      session.goTo(config.start);
      showError(null);
      changed();
    },
    load: () => restartFrom(() => readSource(replayInput.value)),
    seed: () => restartFrom(() => withSeed(start().source, Number(seedInput.value === '' ? NaN : seedInput.value))),
  };

  stepButton.addEventListener('click', () => actions['step']?.());
  backButton.addEventListener('click', () => actions['back']?.());
  playButton.addEventListener('click', () => actions['play']?.());
  pauseButton.addEventListener('click', pause);
  resetButton.addEventListener('click', () => actions['reset']?.());
  loadButton.addEventListener('click', () => actions['load']?.());
  seedInput.addEventListener('change', () => actions['seed']?.());
  replayInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') actions['load']?.();
  });

  // The player's keys while it has focus; the deck leaves keys inside a widget alone.
  root.addEventListener('keydown', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = playerAction(event.key);
    if (action === undefined) return;
    if (action === 'toggle') (timer === 0 ? actions['play'] : pause)?.();
    else if (action === 'leave') root.blur();
    else actions[action]?.();
    event.preventDefault();
  });

  deck.onWidget((changedId, value, origin) => {
    if (changedId !== id || origin === 'local') return;
    pause();
    apply(value);
    figure.classList.add('live');
  });
  deck.onChange((_state, origin) => {
    if (origin === 'redraw') return;
    if (onCurrentSlide(deck, figure)) start();
    else if (timer !== 0) pause();
  });

  figure.append(root);
  if (deck.widget(id) !== null || onCurrentSlide(deck, figure)) start();
}

const deck = deckOf();
if (deck !== null) {
  for (const figure of Array.from(document.querySelectorAll<HTMLElement>('.widget[data-widget="sim-player"]'))) {
    try {
      mount(deck, figure);
    } catch (problem) {
      // A player that cannot start leaves its static frame: the slide still says something true.
      figure.append(make('p', 'player-error', problem instanceof Error ? problem.message : String(problem)));
    }
  }
}
