// Maintenance Desk — the one script of our own (the Content-Security-Policy allows no inline script).
// A polled fragment (the SLA clocks every 30 s) whose session has expired is answered by a redirect to
// the login page; htmx would follow it and swap the login form into the ticket page. Reload the page
// instead, so that the login page shows as a page and brings the reader back afterwards.
document.addEventListener('htmx:beforeSwap', function (event) {
  var xhr = event.detail.xhr;
  if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
    event.detail.shouldSwap = false;
    window.location.reload();
  }
});
