// Backlog review: a score change swaps the whole reordered table (htmx). The select that was changed is
// replaced by its twin in the new table: give it the keyboard focus back, wherever its row moved to.
(function () {
  var focused = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var active = document.activeElement;
    focused = active && active.id && active.closest('#backlog-ranking') ? active.id : null;
  });
  document.addEventListener('htmx:afterSwap', function () {
    if (focused) {
      var again = document.getElementById(focused);
      if (again) {
        again.focus();
      }
      focused = null;
    }
  });
})();
