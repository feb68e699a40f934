// The search page: Pagefind's default UI on the site's index (pagefind/). `?q=` (the header's
// search field, or a link) searches at once, and what is typed is kept there.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI !== 'function') return;
  var ui = new PagefindUI({
    element: '#search',
    bundlePath: element.getAttribute('data-bundle'),
    showSubResults: false,
    showImages: false,
  });
  // Pagefind's field is labelled by its placeholder alone: the page's own label names it.
  var input = element.querySelector('input');
  var label = document.querySelector('label[for="search-query"]');
  if (input && label) {
    input.id = 'search-query';
    label.hidden = false;
  }
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
  // What is typed goes into the address as `?q=`: a search can be linked, bookmarked and
  // reloaded, and the back button leaves the page as it was.
  if (input) {
    input.addEventListener('input', function () {
      var typed = input.value.trim();
      history.replaceState(null, '', typed ? '?q=' + encodeURIComponent(typed) : window.location.pathname);
    });
  }
})();
