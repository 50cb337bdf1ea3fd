// A task's page: renders its Camunda form with form-js, prefilled from the task's variables; Complete submits
// the form's values to the server (which checks required fields again). If someone else completes the task
// while it is open, the page says so.
(function () {
  const card = document.getElementById('task-form-card');
  const completeForm = document.getElementById('complete-form');
  const hidden = document.getElementById('variables');
  const schemaElement = document.getElementById('form-schema');
  const data = JSON.parse(document.getElementById('form-data').textContent);
  let form = null;
  let submitting = false;

  if (schemaElement) {
    form = new FormViewer.Form({ container: document.getElementById('form') });
    form.importSchema(JSON.parse(schemaElement.textContent), data).catch((error) => {
      document.getElementById('form').textContent = String(error);
    });
    form.on('submit', (event) => {
      if (Object.keys(event.errors).length > 0) return;
      hidden.value = JSON.stringify(event.data);
      submitting = true;
      completeForm.submit();
    });
  }

  completeForm.addEventListener('submit', (event) => {
    if (!form) { submitting = true; return; }
    event.preventDefault();
    form.submit();
  });

  if (window.EventSource) {
    const base = document.querySelector('meta[name=milepost-base]').content;
    const events = new EventSource(base + 'tasks/events');
    events.addEventListener('task', (event) => {
      const [key, intent] = event.data.split(' ');
      if (key === card.dataset.taskKey && (intent === 'COMPLETED' || intent === 'CANCELED') && !submitting) {
        document.getElementById('gone').hidden = false;
        document.getElementById('complete').disabled = true;
        events.close();
      }
    });
    window.addEventListener('beforeunload', () => events.close());
  }
})();
