// What-if knobs in a deck: a model night with sliders, redrawn in the browser as they
// move. The setting lives in the deck's URL hash and travels to the presenter view.
import { KNOB_NIGHTS, defaults, readSetting, settingText, snap, type KnobNight } from '../knob-nights.ts';
import { deckOf, field, make, onCurrentSlide, type Deck } from './deck.ts';

interface Config {
  readonly night: string;
  readonly seed: number;
}

/** Drawn charts by setting: dragging back to a setting already seen is instant. */
const MEMO_SIZE = 24;

function mount(deck: Deck, figure: HTMLElement, night: KnobNight, config: Config, frameChart: string): void {
  const id = figure.dataset['widgetId'] ?? '';
  const initial = defaults(night);
  const memo = new Map<string, string>();
  let shown = settingText(initial);
  let wanted = shown;
  let busy = false;

  const root = make('div', 'knobs live-view');
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', 'What-if knobs');
  const controls = make('div', 'knob-controls');
  const sliders = night.knobs.map((knob, i) => {
    const input = make('input', 'knob-slider');
    input.type = 'range';
    input.min = String(knob.min);
    input.max = String(knob.max);
    input.step = String(knob.step);
    input.value = String(initial[i] ?? knob.value);
    input.dataset['knob'] = knob.id;
    const output = make('output', 'knob-value', knob.format(initial[i] ?? knob.value));
    const wrapper = field(knob.label, input);
    wrapper.append(output);
    controls.append(wrapper);
    return { knob, input, output };
  });
  const progress = make('span', 'knob-progress');
  progress.setAttribute('role', 'status');
  const reset = make('button', 'knob-reset', 'Lesson setting');
  reset.type = 'button';
  controls.append(reset, progress);
  const chart = make('div', 'knob-chart');
  chart.innerHTML = frameChart;
  root.append(controls, chart);

  const valuesOf = (): number[] => sliders.map(({ knob, input }) => snap(knob, Number(input.value)));

  const setSliders = (values: readonly number[]): void => {
    sliders.forEach(({ knob, input, output }, i) => {
      const value = values[i] ?? knob.value;
      input.value = String(value);
      output.textContent = knob.format(value);
    });
  };

  /**
   * Draws the latest wanted setting. The old chart stays up while the night runs, with a
   * progress line; settings asked for meanwhile collapse into the newest one.
   */
  const redraw = (): void => {
    if (busy || wanted === shown) return;
    const setting = wanted;
    const cached = memo.get(setting);
    if (cached !== undefined) {
      show(setting, cached);
      return;
    }
    busy = true;
    progress.textContent = 'Running the night…';
    root.setAttribute('aria-busy', 'true');
    // Let the progress line paint before the night takes the main thread.
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        const values = readSetting(night, setting) ?? initial;
        const started = performance.now();
        const svg = night.draw(values, config.seed);
        memo.set(setting, svg);
        if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value ?? '');
        busy = false;
        root.removeAttribute('aria-busy');
        root.dataset['redrawMs'] = String(Math.round(performance.now() - started));
        show(setting, svg);
        redraw();
      }, 0),
    );
  };

  const show = (setting: string, svg: string): void => {
    chart.innerHTML = svg;
    shown = setting;
    chart.dataset['setting'] = setting;
    progress.textContent = '';
    deck.redrawn();
  };

  const want = (values: readonly number[], announce: boolean): void => {
    setSliders(values);
    wanted = settingText(values);
    if (announce) deck.setWidget(id, wanted === settingText(initial) ? null : wanted);
    redraw();
  };

  for (const { input } of sliders) input.addEventListener('input', () => want(valuesOf(), true));
  reset.addEventListener('click', () => want(initial, true));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  deck.onWidget((changedId, value, origin) => {
    if (changedId === id && origin !== 'local') want(value === null ? initial : (readSetting(night, value) ?? initial), false);
  });

  chart.dataset['setting'] = shown;
  figure.append(root);
  figure.classList.add('live');
  const saved = deck.widget(id);
  if (saved !== null) want(readSetting(night, saved) ?? initial, false);
  deck.onChange(() => {
    if (!onCurrentSlide(deck, figure) && root.contains(document.activeElement) && document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
}

const deck = deckOf();
if (deck !== null) {
  for (const figure of Array.from(document.querySelectorAll<HTMLElement>('.widget[data-widget="sim-knobs"]'))) {
    const frame = figure.querySelector<HTMLElement>('.knobs[data-config]');
    const config = JSON.parse(frame?.dataset['config'] ?? '{}') as Config;
    const night = KNOB_NIGHTS[config.night];
    const svg = frame?.querySelector('.knob-chart')?.innerHTML ?? '';
    if (night !== undefined) mount(deck, figure, night, config, svg);
  }
}
