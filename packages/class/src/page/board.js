// The class board page: draws the board's snapshots as they arrive over server-sent
// events, and ticks the "time on this step" clocks in between. Every name and step
// reaches the page through textContent, never as HTML.
/** @typedef {import('../view.ts').BoardView} BoardView */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var body = document.body;
  /**
   * A part of the page; page.ts writes every one of them.
   * @param {string} selector
   * @returns {HTMLElement}
   */
  var $ = function (selector) {
    var part = document.querySelector(selector);
    if (!(part instanceof HTMLElement)) throw new Error('class board page: no ' + selector);
    return part;
  };
  /** @type {BoardView | null} */
  var snapshot = null;
  // The board's clock minus ours, so durations are the board's even if this clock is off.
  var skew = 0;
  /** @type {number | null} */
  var thresholdMinutes = null;

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {number} ms */
  function minutes(ms) {
    var m = Math.floor(ms / 60000);
    return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  /** @param {BoardView} board */
  function thresholdMs(board) {
    return thresholdMinutes === null ? board.stuckAfterMs : thresholdMinutes * 60000;
  }

  function boardNow() {
    return Date.now() + skew;
  }

  /** @param {BoardView} board */
  function drawStuck(board) {
    var list = $('ol.stuck');
    list.textContent = '';
    var now = boardNow();
    var limit = thresholdMs(board);
    var count = 0;
    board.stuck.forEach(function (entry) {
      var li = el('li');
      li.appendChild(el('strong', '', 'Lesson ' + entry.lesson));
      li.appendChild(document.createTextNode(' · ' + entry.step + ' — ' + entry.learners + (entry.learners === 1 ? ' learner' : ' learners')));
      var over = 0;
      board.learners.forEach(function (l) {
        var c = l.cells[entry.lesson];
        if (!l.left && l.current === entry.lesson && c && c.failing === entry.step && c.since !== null && now - c.since >= limit) over += 1;
      });
      if (over > 0) li.appendChild(el('span', 'over', ' (' + over + ' over ' + minutes(limit) + ')'));
      list.appendChild(li);
      count += 1;
    });
    if (count === 0) list.appendChild(el('li', 'empty', 'Nobody is on a failing step.'));
  }

  /** @param {BoardView} board */
  function drawGrid(board) {
    var table = $('table.grid');
    table.textContent = '';
    var head = el('tr');
    head.appendChild(el('th', '', 'Learner'));
    board.lessons.forEach(function (lesson) {
      var th = el('th', 'lesson', lesson.id);
      if (lesson.title) th.title = lesson.title;
      head.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el('tbody');
    var now = boardNow();
    var limit = thresholdMs(board);
    board.learners.forEach(function (learner) {
      var row = el('tr');
      row.dataset.learner = learner.id;
      if (learner.left) row.classList.add('left');
      row.appendChild(el('th', 'name', learner.name + (learner.left ? ' (left)' : '')));
      board.lessons.forEach(function (lesson) {
        var td = el('td', 'cell');
        td.dataset.lesson = lesson.id;
        var cell = learner.cells[lesson.id];
        if (cell) {
          td.appendChild(el('span', 'count', cell.passed + '/' + cell.total));
          if (cell.total > 0 && cell.passed === cell.total && cell.failing === null) td.classList.add('done');
          if (learner.current === lesson.id) td.classList.add('current');
          if (cell.failing !== null) {
            var step = el('span', 'step', cell.failing);
            step.title = cell.failing;
            td.appendChild(step);
          }
          var meta = el('span', 'meta');
          if (cell.failing !== null && cell.since !== null) {
            var on = now - cell.since;
            meta.appendChild(el('span', 'time', minutes(on) + ' on it'));
            if (!learner.left && learner.current === lesson.id && on >= limit) {
              td.classList.add('stuck');
              row.classList.add('stuck');
            }
          }
          if (cell.hints > 0) meta.appendChild(el('span', 'hints', (meta.childNodes.length ? ' · ' : '') + cell.hints + (cell.hints === 1 ? ' hint' : ' hints')));
          td.appendChild(meta);
        }
        row.appendChild(td);
      });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    $('.learner-count').textContent = board.learners.filter(function (l) { return !l.left; }).length + ' joined';
  }

  function draw() {
    if (snapshot === null) return;
    $('.join code').textContent = snapshot.join;
    var input = /** @type {HTMLInputElement} */ ($('input.threshold'));
    if (thresholdMinutes === null && document.activeElement !== input) input.value = String(Math.round(snapshot.stuckAfterMs / 60000));
    drawStuck(snapshot);
    drawGrid(snapshot);
  }

  /**
   * @param {string} text
   * @param {boolean} offline
   */
  function setStatus(text, offline) {
    var status = $('.status');
    status.textContent = text;
    status.classList.toggle('offline', offline);
  }

  $('input.threshold').addEventListener('change', function (event) {
    var value = event.target instanceof HTMLInputElement ? Number(event.target.value) : 0;
    thresholdMinutes = value > 0 ? value : null;
    draw();
  });
  $('button.large').addEventListener('click', function () {
    body.classList.toggle('large');
  });
  if (params.has('large')) body.classList.add('large');

  var source = new EventSource('/events');
  source.onmessage = function (event) {
    var board = /** @type {BoardView} */ (JSON.parse(event.data));
    snapshot = board;
    skew = board.now - Date.now();
    setStatus('live', false);
    draw();
  };
  source.onerror = function () {
    setStatus('board unreachable, retrying…', true);
  };
  setInterval(draw, 5000);
})();
