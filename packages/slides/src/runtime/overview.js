// `o`: every slide as a thumbnail. Arrow keys step from slide to slide, Enter, Escape
// or `o` close the grid, a click jumps to a slide.
(function () {
  'use strict';
  const foundDeck = window.OutageDeck;
  const found = /** @type {HTMLElement | null} */ (document.querySelector('.deck-overview'));
  if (!foundDeck || !found) return;
  // Named again so the functions below see them narrowed.
  const deck = foundDeck;
  const overlay = found;

  function build() {
    overlay.textContent = '';
    deck.slides.forEach((slide, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'overview-thumb';
      button.setAttribute('aria-label', 'Slide ' + (i + 1) + (deck.headingOf(i) ? ': ' + deck.headingOf(i) : ''));
      const frame = document.createElement('div');
      frame.className = 'overview-frame';
      const copy = /** @type {HTMLElement} */ (slide.cloneNode(true));
      copy.classList.add('active', 'thumbnail');
      copy.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'));
      frame.appendChild(copy);
      button.appendChild(frame);
      const label = document.createElement('span');
      label.className = 'overview-number';
      label.textContent = String(i + 1);
      button.appendChild(label);
      button.addEventListener('click', () => {
        deck.go(i);
        close();
      });
      overlay.appendChild(button);
    });
    mark(deck.get());
  }

  /** @param {DeckState} state */
  function mark(state) {
    Array.from(overlay.children).forEach((thumb, i) => thumb.classList.toggle('current', i === state.index));
    const current = overlay.children[state.index];
    if (current && !overlay.hidden) current.scrollIntoView({ block: 'nearest' });
  }

  function open() {
    build();
    overlay.hidden = false;
    document.body.classList.add('overview-open');
    mark(deck.get());
  }

  function close() {
    overlay.hidden = true;
    document.body.classList.remove('overview-open');
  }

  deck.onChange((state) => {
    if (!overlay.hidden) mark(state);
  });

  deck.keyHandlers.push((event) => {
    if (event.key === 'o' || event.key === 'O') {
      if (overlay.hidden) open();
      else close();
      return true;
    }
    if (overlay.hidden) return false;
    if (event.key === 'Escape' || event.key === 'Enter') {
      close();
      return true;
    }
    // In the grid the arrows step whole slides, not fragments.
    /** @type {Record<string, number>} */
    const steps = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    const step = steps[event.key];
    if (step === undefined) return false;
    deck.go(deck.get().index + step);
    return true;
  });
})();
