// Task list: refreshes the table when a user task is created, claimed or completed anywhere (server-sent events).
(function () {
  const table = document.getElementById('task-table');
  const note = document.getElementById('live-note');
  if (!table || !window.EventSource) return;
  const events = new EventSource(document.querySelector('meta[name=milepost-base]').content + 'tasks/events');
  let pending = null;
  events.addEventListener('task', (event) => {
    const [, intent] = event.data.split(' ');
    note.textContent = intent === 'CREATED' ? window.milepostText.newTask : window.milepostText.changed;
    // One refresh for a burst of events.
    clearTimeout(pending);
    pending = setTimeout(() => {
      htmx.ajax('GET', window.location.pathname + window.location.search, { target: '#task-table', swap: 'outerHTML' });
    }, 200);
  });
  window.addEventListener('beforeunload', () => events.close());
})();
