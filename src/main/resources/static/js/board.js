// Maintenance Desk — the board (issue 9), loaded by board.html only, after htmx and SortableJS.
// Each card's move buttons are htmx POSTs (plain form POSTs without JavaScript); the server answers with
// the card (refused: the reason on it) or with the two columns the card left and joined (out-of-band).
// Dropping a card on another column sends the same request; the card first goes back where it was, so a
// refusal shows on the card in its own column. Buttons stay for keyboard users.
(function () {
  'use strict';

  var board = document.querySelector('.board');
  if (!board) {
    return;
  }

  // Keep the keyboard focus on the card that was answered (its replacement has data-answer).
  document.addEventListener('htmx:load', function (event) {
    var root = event.detail.elt;
    var answered = root.matches && root.matches('.ticket-card[data-answer]') ? root
      : root.querySelector && root.querySelector('.ticket-card[data-answer]');
    if (answered && root !== document.body) {
      answered.focus({ preventScroll: false });
    }
    enableDragging(root);
  });

  // A move the server could not answer (network, 5xx, a refused session): say so on the card.
  document.addEventListener('htmx:responseError', function (event) {
    var card = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('.ticket-card');
    if (card) {
      failed(card);
    }
  });
  document.addEventListener('htmx:sendError', function (event) {
    var card = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest('.ticket-card');
    if (card) {
      failed(card);
    }
  });

  function failed(card) {
    card.removeAttribute('aria-busy');
    card.classList.remove('pending');
    var note = card.querySelector('.card-failure');
    if (!note) {
      note = document.createElement('p');
      note.className = 'card-failure alert alert-error';
      note.setAttribute('role', 'alert');
      card.appendChild(note);
    }
    note.textContent = board.getAttribute('data-move-failed');
    card.focus();
  }

  function enableDragging(root) {
    if (typeof Sortable === 'undefined' || !root.querySelectorAll) {
      return;
    }
    var lists = root.matches && root.matches('.board ol.cards') ? [root] : root.querySelectorAll('.board ol.cards');
    Array.prototype.forEach.call(lists, function (list) {
      if (list.getAttribute('data-sortable') === 'on') {
        return;
      }
      list.setAttribute('data-sortable', 'on');
      Sortable.create(list, {
        group: 'board',
        sort: false,                 // the order of a column is the server's (newest first)
        draggable: '.ticket-card[data-movable]',
        filter: 'a, button, input',  // links and buttons stay clickable
        preventOnFilter: false,
        forceFallback: true,         // pointer events rather than native drag: same behaviour everywhere
        fallbackOnBody: true,
        ghostClass: 'drag-ghost',
        chosenClass: 'drag-chosen',
        dragClass: 'drag-dragged',
        onEnd: dropped
      });
    });
  }

  function dropped(event) {
    var card = event.item;
    if (event.to === event.from) {
      return;
    }
    var from = event.from.closest('.column').getAttribute('data-state');
    var to = event.to.closest('.column').getAttribute('data-state');
    // Back to its place until the server answers: a refusal leaves it there, a move re-renders both columns.
    event.from.insertBefore(card, event.from.children[event.oldIndex] || null);
    var values = { to: to, from: from };
    var csrfName = board.getAttribute('data-csrf-name');
    if (csrfName) {
      values[csrfName] = board.getAttribute('data-csrf-token');
    }
    card.setAttribute('aria-busy', 'true');
    card.classList.add('pending');
    htmx.ajax('POST', card.getAttribute('data-move-url'), {
      source: card, target: card, swap: 'outerHTML', values: values
    });
  }

  enableDragging(document);
}());
