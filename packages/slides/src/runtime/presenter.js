// The presenter view (`p` in the audience window opens this page with ?presenter):
// the current slide, the next one, the notes, an elapsed timer with a reset and a clock.
(function () {
  'use strict';
  const foundDeck = window.OutageDeck;
  const found = /** @type {HTMLElement | null} */ (document.querySelector('.presenter'));
  if (!foundDeck || !foundDeck.presenter || !found) return;
  // Named again so the functions below see them narrowed.
  const deck = foundDeck;
  const view = found;
  view.hidden = false;
  document.title = 'Presenter · ' + document.title;

  /**
   * A part of the presenter view; page.ts writes every one of them.
   * @param {string} selector
   * @returns {HTMLElement}
   */
  const $ = (selector) => {
    const part = view.querySelector(selector);
    if (!(part instanceof HTMLElement)) throw new Error('presenter view: no ' + selector);
    return part;
  };
  const current = $('.pv-current .pv-frame');
  const upcoming = $('.pv-next .pv-frame');
  const notes = $('.pv-notes-text');
  const position = $('.pv-position');
  const elapsed = $('.pv-elapsed');
  const clockLabel = $('.pv-clock');
  let startedAt = Date.now();
  let notesSize = Number(readSetting('notes-size', '22'));

  /** @param {string} key @param {string} fallback */
  function readSetting(key, fallback) {
    try {
      return localStorage.getItem('outage-lab:' + key) || fallback;
    } catch (error) {
      return fallback;
    }
  }

  /** @param {string} key @param {string} value */
  function writeSetting(key, value) {
    try {
      localStorage.setItem('outage-lab:' + key, value);
    } catch (error) {
      // Storage may be off for file:// pages; the size then lasts for this session.
    }
  }

  /** @param {number} index @param {number} fragment */
  function copyOf(index, fragment) {
    const copy = /** @type {HTMLElement} */ (deck.slides[index]?.cloneNode(true));
    copy.classList.add('active');
    copy.removeAttribute('aria-hidden');
    copy.querySelectorAll('.fragment').forEach((f, i) => f.classList.toggle('visible', i < fragment));
    return copy;
  }

  /** @param {HTMLElement} frame @param {HTMLElement | null} slide */
  function show(frame, slide) {
    frame.textContent = '';
    if (slide) frame.appendChild(slide);
    else frame.innerHTML = '<p class="pv-end">End of the deck</p>';
    fit(frame);
  }

  /** @param {HTMLElement} frame */
  function fit(frame) {
    const box = (frame.parentElement ?? frame).getBoundingClientRect();
    const scale = Math.min(box.width / 1280, (box.height - 28) / 720);
    frame.style.setProperty('--pv-scale', String(Math.max(scale, 0.05)));
  }

  /** @param {DeckState} state */
  function update(state) {
    const count = deck.slides.length;
    show(current, copyOf(state.index, state.fragment));
    const next = state.index + 1 < count ? copyOf(state.index + 1, deck.fragmentsOf(state.index + 1).length) : null;
    show(upcoming, next);
    const aside = deck.slides[state.index]?.querySelector('.notes');
    notes.innerHTML = aside ? aside.innerHTML : '<p class="pv-no-notes">No notes for this slide.</p>';
    const left = deck.fragmentsOf(state.index).length - state.fragment;
    position.textContent = 'Slide ' + (state.index + 1) + ' / ' + count + (left > 0 ? ' · ' + left + ' more on this slide' : '') + (state.blank ? ' · screen blanked' : '');
  }

  /** @param {number} n */
  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function tick() {
    const seconds = Math.floor((Date.now() - startedAt) / 1000);
    elapsed.textContent = pad(Math.floor(seconds / 3600)) + ':' + pad(Math.floor(seconds / 60) % 60) + ':' + pad(seconds % 60);
    const now = new Date();
    clockLabel.textContent = pad(now.getHours()) + ':' + pad(now.getMinutes());
  }

  /** @param {number} size */
  function setNotesSize(size) {
    notesSize = Math.max(12, Math.min(48, size));
    view.style.setProperty('--pv-notes-size', notesSize + 'px');
    writeSetting('notes-size', String(notesSize));
  }

  $('.pv-reset').addEventListener('click', () => {
    startedAt = Date.now();
    tick();
  });
  $('.pv-smaller').addEventListener('click', () => setNotesSize(notesSize - 2));
  $('.pv-larger').addEventListener('click', () => setNotesSize(notesSize + 2));
  $('.pv-prev').addEventListener('click', () => deck.previous());
  $('.pv-nextbtn').addEventListener('click', () => deck.next());
  deck.keyHandlers.push((event) => {
    if (event.key === 'r' || event.key === 'R') {
      startedAt = Date.now();
      tick();
      return true;
    }
    if (event.key === '+' || event.key === '=') setNotesSize(notesSize + 2);
    else if (event.key === '-') setNotesSize(notesSize - 2);
    else return false;
    return true;
  });

  // The copy of the current slide is only a picture, but its widgets' buttons and sliders
  // work: each goes to the same control of the real widget, whose change comes back as a
  // new copy and travels to the audience window.
  /**
   * @param {Element} control
   * @returns {HTMLElement | null}
   */
  function realControl(control) {
    const copy = /** @type {HTMLElement | null} */ (control.closest('.widget'));
    const slide = deck.slides[deck.get().index];
    const real = copy && slide && slide.querySelector('.widget[data-widget-id="' + copy.dataset.widgetId + '"]');
    if (!real) return null;
    const index = Array.from(copy.querySelectorAll('button, input')).indexOf(control);
    return /** @type {HTMLElement | undefined} */ (real.querySelectorAll('button, input')[index]) ?? null;
  }
  current.addEventListener('click', (event) => {
    const control = event.target instanceof Element ? event.target.closest('.widget button') : null;
    const target = control && realControl(control);
    if (target) target.click();
  });
  current.addEventListener('input', (event) => {
    const control = event.target;
    const target = control instanceof HTMLInputElement && control.type === 'range' ? realControl(control) : null;
    if (!(control instanceof HTMLInputElement) || !(target instanceof HTMLInputElement)) return;
    target.value = control.value;
    target.dispatchEvent(new Event('input', { bubbles: true }));
  });

  // The corner feed (a URL the deck was built with): a short list from a local service,
  // such as the class board's "most stuck" steps, polled while the presenter view is open.
  const feed = document.body.dataset.cornerFeed;
  const corner = $('.pv-corner');
  /** @param {string} title @param {unknown[]} items */
  function showCorner(title, items) {
    corner.hidden = false;
    $('.pv-corner-title').textContent = title;
    const list = $('.pv-corner-items');
    list.textContent = '';
    items.slice(0, 8).forEach((item) => {
      const li = document.createElement('li');
      li.textContent = String(item);
      list.appendChild(li);
    });
  }
  /** @param {string} url */
  function pollCorner(url) {
    fetch(url, { cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((data) => showCorner(String(data.title || ''), Array.isArray(data.items) ? data.items : []))
      .catch(() => showCorner('Feed unreachable', []));
  }
  if (feed) {
    pollCorner(feed);
    setInterval(() => pollCorner(feed), 5000);
  }

  deck.onChange(update);
  window.addEventListener('resize', () => {
    fit(current);
    fit(upcoming);
  });
  setNotesSize(notesSize);
  update(deck.get());
  tick();
  setInterval(tick, 500);
})();
