// Charts (uPlot) of a step's figures per minute: the new version against every other, one chart per figure.
(function () {
  const text = window.milepostChartText;
  const colours = ['#0f766e', '#9ca3af'];
  const narrowest = 280; // px of plot below which a chart's time axis labels crowd each other
  const chartHeight = 200;

  // Two charts per row when two of at least `narrowest` fit side by side (a tablet at 800 px, a desktop), else one per
  // row at the full width (a phone): a row is always filled. The box's padding and border and the gap between boxes
  // come from the style sheet, so that the boxes of a row add up to the row's width and none wraps early.
  function chartWidth(host, box) {
    const boxStyle = getComputedStyle(box);
    const chrome = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth']
      .reduce((sum, side) => sum + parseFloat(boxStyle[side]), 0);
    const gap = parseFloat(getComputedStyle(host).columnGap) || 0;
    const perRow = host.clientWidth >= 2 * (narrowest + chrome) + gap ? 2 : 1;
    return Math.floor((host.clientWidth - (perRow - 1) * gap) / perRow - chrome);
  }

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
        const plots = charts.map(([figure, title]) => {
          const values = series.groups.map((group) => figure.startsWith('measure:')
            ? (group.measures[figure.substring(8)] || series.x.map(() => null)) : group[figure]);
          const box = document.createElement('figure');
          box.className = 'chart';
          box.setAttribute('data-figure', figure);
          const caption = document.createElement('figcaption');
          caption.textContent = title;
          box.appendChild(caption);
          host.appendChild(box);
          return new uPlot({
            width: chartWidth(host, box), height: chartHeight,
            series: [{}].concat(series.groups.map((group, i) => ({ label: group.label, stroke: colours[i], width: 2, spanGaps: true,
              points: { show: true, size: 5 } }))),
            scales: { x: { time: true, range: () => [series.from, series.to] } },
            axes: [{}, { size: 60 }],
            legend: { show: true }
          }, [series.x].concat(values), box);
        });
        // once all are drawn, and whenever the window changes: the page may have grown a scroll bar meanwhile (a
        // narrower row, in which the first charts, sized before, no longer fit side by side), a tablet turns
        const fit = () => plots.forEach((plot) => plot.setSize({ width: chartWidth(host, plot.root.parentElement),
          height: chartHeight }));
        fit();
        window.addEventListener('resize', fit);
        host.setAttribute('data-rendered', 'true');
      })
      .catch((error) => { host.textContent = String(error); });
  });
})();
