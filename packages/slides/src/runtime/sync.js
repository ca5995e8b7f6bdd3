// Keeps the audience window and the presenter view on the same slide, both ways.
//
// postMessage between opener and popup is the main path because it also works from
// file://, where every page is its own origin. BroadcastChannel is added when the deck
// is served, so a presenter view opened by hand on another screen follows too.
//
// Either window may move at any moment and messages may arrive twice (once per path),
// so every state carries a Lamport clock: a window applies a state only if it is newer
// than the last one it saw, with the sender's id breaking ties. The two windows always
// settle on the same slide, and a late duplicate can never move one backwards.
(function () {
  'use strict';
  const foundDeck = window.OutageDeck;
  if (!foundDeck) return;
  // Named again so the functions below see it narrowed.
  const deck = foundDeck;
  const TAG = 'outage-lab-deck';
  const me = Math.random().toString(36).slice(2);
  let clock = 0;
  /** @type {Window | null} */
  let peer = deck.presenter ? window.opener : null;
  /** @type {BroadcastChannel | null} */
  let channel = null;
  try {
    channel = new BroadcastChannel(TAG + ':' + deck.deckId);
  } catch (error) {
    channel = null;
  }

  /**
   * @param {'state' | 'hello'} type
   * @param {Record<string, unknown>} extra
   */
  function message(type, extra) {
    return Object.assign({ tag: TAG, deck: deck.deckId, from: me, clock: clock, type: type }, extra);
  }

  /** @param {Window | null} target @param {unknown} data */
  function postTo(target, data) {
    if (!target || target.closed) return;
    try {
      target.postMessage(data, '*');
    } catch (error) {
      // The other window went away between the check and the call.
    }
  }

  /** @param {unknown} data */
  function broadcast(data) {
    postTo(peer, data);
    if (channel) channel.postMessage(data);
  }

  function sendState() {
    clock += 1;
    broadcast(message('state', { state: deck.get() }));
  }

  /**
   * A message from the other window, by either path; anything else on the page's message bus is ignored.
   * @param {SyncMessage | null | undefined} data
   * @param {MessageEvent['source']} source
   */
  function receive(data, source) {
    if (!data || data.tag !== TAG || data.deck !== deck.deckId || data.from === me) return;
    if (data.type === 'state') {
      const newer = data.clock > clock || (data.clock === clock && data.from > me);
      clock = Math.max(clock, data.clock);
      if (newer && data.state) deck.set(data.state, 'remote');
      return;
    }
    if (data.type === 'hello' && !deck.presenter) {
      clock = Math.max(clock, data.clock);
      const known = source !== null && source === peer;
      if (source instanceof Window) peer = source;
      // A fresh presenter view, or one this window lost track of after a reload.
      if (data.fresh || !known) sendState();
    }
  }

  window.addEventListener('message', (event) => receive(event.data, event.source));
  if (channel) channel.onmessage = (event) => receive(event.data, null);
  deck.onChange((state, origin) => {
    if (origin === 'local') sendState();
  });

  function openPresenter() {
    if (peer && !peer.closed) {
      peer.focus();
      return;
    }
    const url = new URL(location.href);
    url.search = '?presenter';
    url.hash = location.hash;
    const popup = window.open(url.href, 'outage-lab-presenter:' + deck.deckId, 'popup,width=1200,height=760');
    if (popup) peer = popup;
    else deck.toast('The presenter view was blocked: allow pop-ups for this page, then press p again.');
  }

  if (deck.presenter) {
    // The heartbeat lets an audience window that was reloaded find this view again.
    /** @param {boolean} fresh */
    const hello = (fresh) => {
      if (fresh && channel) channel.postMessage(message('hello', { fresh: true }));
      postTo(window.opener, message('hello', { fresh: fresh }));
    };
    hello(true);
    setInterval(() => hello(false), 1000);
  } else {
    deck.keyHandlers.push((event) => {
      if (event.key !== 'p' && event.key !== 'P') return false;
      openPresenter();
      return true;
    });
  }
})();
