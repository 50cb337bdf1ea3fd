// A page that watches one thing (an instance, a rollout): when the server says it changed (server-sent events
// from <main data-watch>), the page is fetched again and each of its [data-live] parts (by id) is swapped in place,
// so flash notices stay and a part someone is typing in is left alone. Listeners of 'milepost:live' (the diagram)
// then bring themselves up to date.
(function () {
  const main = document.querySelector('main[data-watch]');
  if (!main || !window.EventSource) return;
  const events = new EventSource(main.dataset.watch);
  let pending = null;
  const refresh = () => fetch(window.location.href, { headers: { Accept: 'text/html' } })
    .then((response) => response.text())
    .then((html) => {
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      document.querySelectorAll('[data-live][id]').forEach((part) => {
        const replacement = fresh.getElementById(part.id);
        if (replacement && !part.contains(document.activeElement)) {
          part.replaceWith(document.importNode(replacement, true));
        }
      });
      document.dispatchEvent(new CustomEvent('milepost:live'));
    });
  events.addEventListener('changed', () => {
    // One refresh for a burst of changes.
    clearTimeout(pending);
    pending = setTimeout(refresh, 300);
  });
  window.addEventListener('beforeunload', () => events.close());
})();
