// Charts (uPlot) of a step's figures per minute: the new version against every other, one chart per figure.
(function () {
  const text = window.milepostChartText;
  const colours = ['#0f766e', '#9ca3af'];
  document.querySelectorAll('.charts[data-series]').forEach((host) => {
    fetch(host.dataset.series, { headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then((series) => {
        if (series.x.length === 0) {
          host.textContent = text.none;
          return;
        }
        const charts = [['count', text.count], ['failureRate', text.failureRate], ['p95Ms', text.p95]];
        // every measure either group reported (a new version may report one the old did not)
        [...new Set(series.groups.flatMap((group) => Object.keys(group.measures || {})))].sort()
          .forEach((name) => charts.push(['measure:' + name, text.measure + ' ' + name]));
        charts.forEach(([figure, title]) => {
          const values = series.groups.map((group) => figure.startsWith('measure:')
            ? (group.measures[figure.substring(8)] || series.x.map(() => null)) : group[figure]);
          const box = document.createElement('figure');
          box.className = 'chart';
          box.setAttribute('data-figure', figure);
          const caption = document.createElement('figcaption');
          caption.textContent = title;
          box.appendChild(caption);
          host.appendChild(box);
          const width = Math.max(280, Math.min(560, host.clientWidth / 2 - 16));
          new uPlot({
            width: width, height: 200,
            series: [{}].concat(series.groups.map((group, i) => ({ label: group.label, stroke: colours[i], width: 2, spanGaps: true,
              points: { show: true, size: 5 } }))),
            scales: { x: { time: true, range: () => [series.from, series.to] } },
            axes: [{}, { size: 60 }],
            legend: { show: true }
          }, [series.x].concat(values), box);
        });
        host.setAttribute('data-rendered', 'true');
      })
      .catch((error) => { host.textContent = String(error); });
  });
})();
