// A BPMN diagram (bpmn-js NavigatedViewer) with the marks the page passes in #diagram-marks:
// counts per element (active instances, open incidents) as badges, element states as colours, the path taken.
(function () {
  const container = document.getElementById('diagram');
  if (!container) return;
  const readMarks = () => JSON.parse(document.getElementById('diagram-marks').textContent);
  const viewer = new BpmnJS({ container: container });
  fetch(container.dataset.xml, { headers: { Accept: 'application/xml' } })
    .then((response) => response.text())
    .then((xml) => viewer.importXML(xml))
    .then(() => {
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      const overlays = viewer.get('overlays');
      canvas.zoom('fit-viewport', 'auto');
      const known = (id) => registry.get(id) !== undefined;
      const applied = [];
      const mark = (ids, cssClass) => (ids || []).filter(known).forEach((id) => {
        canvas.addMarker(id, cssClass);
        applied.push([id, cssClass]);
      });
      const badge = (counts, cssClass, position, label) => Object.entries(counts || {}).filter(([id]) => known(id))
        .forEach(([id, count]) => {
          const span = document.createElement('span');
          span.className = 'badge ' + cssClass;
          span.textContent = count;
          span.title = label + ': ' + count;
          span.setAttribute('data-element', id);
          overlays.add(id, { position: position, html: span });
        });
      const apply = (marks) => {
        applied.splice(0).forEach(([id, cssClass]) => canvas.removeMarker(id, cssClass));
        overlays.clear();
        mark(marks.completedElements, 'm-completed');
        mark(marks.activeElements, 'm-active');
        mark(marks.incidentElements, 'm-incident');
        mark(marks.takenFlows, 'm-taken');
        badge(marks.active, 'active', { bottom: 10, left: -8 }, container.dataset.activeLabel);
        badge(marks.incidents, 'incident', { bottom: 10, right: 14 }, container.dataset.incidentLabel);
      };
      apply(readMarks());
      // live.js swapped in new marks: the instance moved on
      document.addEventListener('milepost:live', () => apply(readMarks()));
      container.setAttribute('data-rendered', 'true');
    })
    .catch((error) => {
      container.textContent = container.dataset.errorLabel + ': ' + error.message;
    });
})();
