// The search page: Pagefind's default UI on the site's index (pagefind/). `?q=` (the header's
// search field, or a link) searches at once.
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
})();
