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
  var query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
})();
