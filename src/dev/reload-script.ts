/**
 * The script the dev server puts into every page (never `leverage build`): it reloads the
 * page when a rebuild changed it or a file it loaded (its stylesheet, an image, the search
 * index it fetched), and shows a bad record's error over the page until fixed.
 */
export const EVENTS_PATH = '/__leverage/events';

export const RELOAD_SCRIPT = `<script data-leverage-dev>
(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  const overlayId = 'leverage-dev-error';
  events.addEventListener('reload', (event) => {
    // Site paths; one ending in * stands for every path it starts.
    const urls = JSON.parse(event.data);
    const loaded = [location.pathname, ...performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)];
    const hit = (url) => (url.endsWith('*') ? loaded.some((path) => path.startsWith(url.slice(0, -1))) : loaded.includes(url));
    if (urls.some(hit)) location.reload();
  });
  events.addEventListener('problem', (event) => {
    let overlay = document.getElementById(overlayId);
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = overlayId;
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;' +
        'background:rgba(20,20,20,.94);color:#ffd7d7;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'leverage dev: the site could not be rebuilt; the last good version is shown.\\n\\n' +
      JSON.parse(event.data);
  });
  events.addEventListener('ok', () => document.getElementById(overlayId)?.remove());
})();
</script>`;
