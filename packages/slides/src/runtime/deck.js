// The deck's state machine: which slide, how many of its fragments, whether the screen
// is blanked. Everything else (keys, overview, presenter view, sync) talks to it through
// window.OutageDeck, so the same file drives the audience window and the presenter view.
(function () {
  'use strict';
  const slides = Array.from(document.querySelectorAll('.deck > .slide'));
  const params = new URLSearchParams(location.search);
  const listeners = [];
  const state = { index: 0, fragment: 0, blank: false };
  const live = document.querySelector('.deck-live');

  function fragmentsOf(index) {
    const slide = slides[index];
    return slide ? Array.from(slide.querySelectorAll('.fragment')) : [];
  }

  function clamp(n, min, max) {
    return Math.max(min, Math.min(max, n));
  }

  function indexFromHash() {
    const match = /^#(\d+)$/.exec(location.hash);
    return match ? clamp(Number(match[1]) - 1, 0, slides.length - 1) : 0;
  }

  function headingOf(index) {
    const heading = slides[index] && slides[index].querySelector('h1, h2, h3');
    return heading ? heading.textContent.trim() : '';
  }

  function render() {
    slides.forEach((slide, i) => {
      const current = i === state.index;
      slide.classList.toggle('active', current);
      slide.setAttribute('aria-hidden', current ? 'false' : 'true');
    });
    fragmentsOf(state.index).forEach((f, i) => f.classList.toggle('visible', i < state.fragment));
    document.body.classList.toggle('blanked', state.blank);
    const progress = document.querySelector('.deck-progress');
    if (progress) progress.style.width = ((state.index + 1) / slides.length) * 100 + '%';
    const hash = '#' + (state.index + 1);
    if (location.hash !== hash) history.replaceState(null, '', location.pathname + location.search + hash);
  }

  /**
   * Moves to a state. `origin` says where the change came from: 'local' changes are
   * announced to the other window, 'remote' ones are not (so two windows never echo).
   */
  function set(next, origin) {
    const index = clamp(next.index, 0, slides.length - 1);
    const fragment = clamp(next.fragment, 0, fragmentsOf(index).length);
    const blank = Boolean(next.blank);
    const moved = index !== state.index;
    if (!moved && fragment === state.fragment && blank === state.blank) return;
    state.index = index;
    state.fragment = fragment;
    state.blank = blank;
    render();
    if (moved && live) live.textContent = 'Slide ' + (index + 1) + ' of ' + slides.length + (headingOf(index) ? ': ' + headingOf(index) : '');
    const snapshot = get();
    listeners.forEach((fn) => fn(snapshot, origin));
  }

  function get() {
    return { index: state.index, fragment: state.fragment, blank: state.blank };
  }

  function next() {
    if (state.fragment < fragmentsOf(state.index).length) set({ ...state, fragment: state.fragment + 1 }, 'local');
    else if (state.index < slides.length - 1) set({ ...state, index: state.index + 1, fragment: 0 }, 'local');
  }

  function previous() {
    if (state.fragment > 0) set({ ...state, fragment: state.fragment - 1 }, 'local');
    else if (state.index > 0) set({ ...state, index: state.index - 1, fragment: fragmentsOf(state.index - 1).length }, 'local');
  }

  function go(index) {
    set({ index, fragment: 0, blank: state.blank }, 'local');
  }

  function fit() {
    const scale = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
    document.documentElement.style.setProperty('--deck-scale', String(scale));
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen().catch(() => {});
  }

  function toggleHelp(show) {
    const help = document.querySelector('.deck-help');
    if (help) help.hidden = show === undefined ? !help.hidden : !show;
  }

  let toastTimer = 0;
  function toast(text) {
    const box = document.querySelector('.deck-toast');
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      box.hidden = true;
    }, 5000);
  }

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
    /** Extra key handlers (overview, presenter); return true when the key was used. */
    keyHandlers: [],
  };
  window.OutageDeck = api;

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
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

  window.addEventListener('hashchange', () => go(indexFromHash()));
  window.addEventListener('resize', fit);
  document.body.classList.add('deck-ready');
  if (api.presenter) document.body.classList.add('presenting');
  state.index = indexFromHash();
  fit();
  render();
})();
