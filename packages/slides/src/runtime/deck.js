// The deck's state machine: which slide, how many of its fragments, whether the screen
// is blanked, and each live widget's state (a short string the widget owns). Everything
// else (keys, overview, presenter view, sync, widgets) talks to it through
// window.OutageDeck, so the same file drives the audience window and the presenter view.
// The URL hash holds all of it (`#2.3;w1=12`), so a reload finds the room as it was.
(function () {
  'use strict';
  const slides = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('.deck > .slide')));
  const params = new URLSearchParams(location.search);
  /** @type {((state: DeckState, origin: DeckOrigin) => void)[]} */
  const listeners = [];
  /** @type {DeckState} */
  const state = { index: 0, fragment: 0, blank: false, widgets: {} };
  /** @type {((id: string, state: string | null, origin: DeckOrigin) => void)[]} */
  const widgetListeners = [];
  const live = document.querySelector('.deck-live');

  /** @param {number} index */
  function fragmentsOf(index) {
    const slide = slides[index];
    return slide ? /** @type {HTMLElement[]} */ (Array.from(slide.querySelectorAll('.fragment'))) : [];
  }

  /** @param {number} n @param {number} min @param {number} max */
  function clamp(n, min, max) {
    return Math.max(min, Math.min(max, n));
  }

  /** `#3`, `#3.2` (two fragments shown), then `;id=state` per widget that has left its start. */
  function fromHash() {
    const [place, ...parts] = location.hash.slice(1).split(';');
    const match = /^(\d+)(?:\.(\d+))?$/.exec(place || '');
    /** @type {Record<string, string>} */
    const widgets = {};
    for (const part of parts) {
      const at = part.indexOf('=');
      if (at <= 0) continue;
      try {
        widgets[part.slice(0, at)] = decodeURIComponent(part.slice(at + 1));
      } catch (error) {
        // A hand-mangled hash: that widget starts afresh.
      }
    }
    if (!match) return { index: 0, fragment: 0, widgets };
    const index = clamp(Number(match[1]) - 1, 0, slides.length - 1);
    return { index, fragment: clamp(Number(match[2] || 0), 0, fragmentsOf(index).length), widgets };
  }

  function toHash() {
    const place = '#' + (state.index + 1) + (state.fragment > 0 ? '.' + state.fragment : '');
    const widgets = Object.entries(state.widgets)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, value]) => ';' + id + '=' + encodeURIComponent(value));
    return place + widgets.join('');
  }

  /** @param {Record<string, string>} a @param {Record<string, string>} b */
  function sameWidgets(a, b) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
  }

  /** @param {number} index */
  function headingOf(index) {
    const heading = slides[index]?.querySelector('h1, h2, h3');
    return heading ? (heading.textContent ?? '').trim() : '';
  }

  function render() {
    slides.forEach((slide, i) => {
      const current = i === state.index;
      slide.classList.toggle('active', current);
      slide.setAttribute('aria-hidden', current ? 'false' : 'true');
    });
    fragmentsOf(state.index).forEach((f, i) => f.classList.toggle('visible', i < state.fragment));
    document.body.classList.toggle('blanked', state.blank);
    const progress = /** @type {HTMLElement | null} */ (document.querySelector('.deck-progress'));
    if (progress) progress.style.width = ((state.index + 1) / slides.length) * 100 + '%';
    const hash = toHash();
    if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
  }

  /**
   * Moves to a state. `origin` says where the change came from: 'local' changes are
   * announced to the other window, 'remote' ones are not (so two windows never echo).
   */
  /** @param {DeckTarget} next @param {DeckOrigin} origin */
  function set(next, origin) {
    const index = clamp(next.index, 0, slides.length - 1);
    const fragment = clamp(next.fragment, 0, fragmentsOf(index).length);
    const blank = Boolean(next.blank);
    const widgets = next.widgets || state.widgets;
    const moved = index !== state.index;
    const changed = Object.keys(Object.assign({}, state.widgets, widgets)).filter((id) => state.widgets[id] !== widgets[id]);
    if (!moved && fragment === state.fragment && blank === state.blank && changed.length === 0) return;
    state.index = index;
    state.fragment = fragment;
    state.blank = blank;
    state.widgets = Object.assign({}, widgets);
    render();
    // Widgets redraw before the others hear of the change, so a presenter view that copies
    // the slide copies the new drawing.
    changed.forEach((id) => widgetListeners.forEach((fn) => fn(id, state.widgets[id] ?? null, origin)));
    if (moved && live) live.textContent = 'Slide ' + (index + 1) + ' of ' + slides.length + (headingOf(index) ? ': ' + headingOf(index) : '');
    const snapshot = get();
    listeners.forEach((fn) => fn(snapshot, origin));
  }

  /** @returns {DeckState} */
  function get() {
    return { index: state.index, fragment: state.fragment, blank: state.blank, widgets: Object.assign({}, state.widgets) };
  }

  /** A widget's state, or null at its start. */
  /** @param {string} id */
  function widget(id) {
    return state.widgets[id] ?? null;
  }

  /** A widget changed here: kept in the hash and sent to the other windows. Null: back at its start. */
  /** @param {string} id @param {string | number | null} value */
  function setWidget(id, value) {
    const widgets = Object.assign({}, state.widgets);
    if (value === null) delete widgets[id];
    else widgets[id] = String(value);
    if (!sameWidgets(widgets, state.widgets)) set(Object.assign(get(), { widgets }), 'local');
  }

  function next() {
    if (state.fragment < fragmentsOf(state.index).length) set({ ...state, fragment: state.fragment + 1 }, 'local');
    else if (state.index < slides.length - 1) set({ ...state, index: state.index + 1, fragment: 0 }, 'local');
  }

  function previous() {
    if (state.fragment > 0) set({ ...state, fragment: state.fragment - 1 }, 'local');
    else if (state.index > 0) set({ ...state, index: state.index - 1, fragment: fragmentsOf(state.index - 1).length }, 'local');
  }

  /** @param {number} index */
  function go(index) {
    set({ index, fragment: 0, blank: state.blank, widgets: state.widgets }, 'local');
  }

  function fit() {
    const scale = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
    document.documentElement.style.setProperty('--deck-scale', String(scale));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
  }

  /** @param {boolean} [show] */
  function toggleHelp(show) {
    const help = /** @type {HTMLElement | null} */ (document.querySelector('.deck-help'));
    if (help) help.hidden = show === undefined ? !help.hidden : !show;
  }

  let toastTimer = 0;
  /** @param {string} text */
  function toast(text) {
    const box = /** @type {HTMLElement | null} */ (document.querySelector('.deck-toast'));
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => {
      box.hidden = true;
    }, 5000);
  }

  /** @type {OutageDeck} */
  const api = {
    slides,
    presenter: params.has('presenter'),
    deckId: document.body.dataset.deck || location.pathname,
    get,
    set,
    next,
    previous,
    go,
    fragmentsOf,
    headingOf,
    toggleHelp,
    toast,
    onChange(fn) {
      listeners.push(fn);
    },
    widget,
    setWidget,
    /** fn(id, state, origin) whenever a widget's state changes, here or in the other window. */
    onWidget(fn) {
      widgetListeners.push(fn);
    },
    /** A widget drew itself anew (it started, say) with no change of state: views that copy slides copy again. */
    redrawn() {
      const snapshot = get();
      listeners.forEach((fn) => fn(snapshot, 'redraw'));
    },
    /** Extra key handlers (overview, presenter); return true when the key was used. */
    keyHandlers: [],
  };
  window.OutageDeck = api;

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Keys typed into a live widget (its buttons, its fields) are the widget's own.
    if (event.target instanceof Element && event.target.closest('.widget, input, textarea, select')) return;
    for (const handler of api.keyHandlers) if (handler(event)) return event.preventDefault();
    const key = event.key;
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || (key === ' ' && !event.shiftKey)) next();
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || (key === ' ' && event.shiftKey)) previous();
    else if (key === 'Home') go(0);
    else if (key === 'End') go(slides.length - 1);
    else if (key === 'b' || key === 'B' || key === '.') set({ ...state, blank: !state.blank }, 'local');
    else if (key === 'f' || key === 'F') toggleFullscreen();
    else if (key === '?') toggleHelp();
    else if (key === 'Escape') toggleHelp(false);
    else return;
    event.preventDefault();
  });

  window.addEventListener('hashchange', () => {
    const at = fromHash();
    if (at.index !== state.index || at.fragment !== state.fragment) set(Object.assign(get(), { index: at.index, fragment: at.fragment }), 'local');
  });
  window.addEventListener('resize', fit);
  document.body.classList.add('deck-ready');
  if (api.presenter) document.body.classList.add('presenting');
  const start = fromHash();
  state.index = start.index;
  state.fragment = start.fragment;
  state.widgets = start.widgets;
  fit();
  render();
})();
