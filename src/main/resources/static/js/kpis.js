// The /kpis charts: one line chart per series, read from the canvas's data-chart attribute (no inline
// script under the Content-Security-Policy). Points take their status colour, the plan's target is a
// dashed line, and each point carries its sample size "n=…" above it. The table under each chart
// holds the same figures for readers without JavaScript.
(function () {
  "use strict";
  var COLOURS = { MET: "#1f7a4a", NOT_MET: "#b3261e", NO_DATA: "#8a93a6", NO_TARGET: "#2f6fde" };

  var sampleSizes = {
    id: "sampleSizes",
    afterDatasetsDraw: function (chart) {
      var meta = chart.getDatasetMeta(0);
      var points = chart.$kpiPoints || [];
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = "11px system-ui, sans-serif";
      ctx.fillStyle = "#5a6275";
      ctx.textAlign = "center";
      meta.data.forEach(function (element, i) {
        var p = points[i];
        if (!p) { return; }
        var y = p.value === null ? chart.chartArea.bottom - 4 : element.y - 8;
        ctx.fillText("n=" + p.n, element.x, y);
      });
      ctx.restore();
    }
  };

  function draw(canvas) {
    var data;
    try { data = JSON.parse(canvas.getAttribute("data-chart")); } catch (e) { return; }
    var points = data.points || [];
    var labels = points.map(function (p) { return p.period; });
    var values = points.map(function (p) { return p.value === null ? null : Number(p.value); });
    var colours = points.map(function (p) { return COLOURS[p.status] || COLOURS.NO_DATA; });
    var datasets = [{
      label: canvas.getAttribute("aria-label") || "",
      data: values,
      borderColor: "#23395d",
      backgroundColor: colours,
      pointBackgroundColor: colours,
      pointBorderColor: colours,
      pointRadius: 5,
      spanGaps: true,
      tension: 0
    }];
    if (data.target !== null && data.target !== undefined) {
      datasets.push({
        label: "cible",
        data: labels.map(function () { return Number(data.target); }),
        borderColor: "#d08a00",
        borderDash: [6, 4],
        borderWidth: 1.5,
        pointRadius: 0,
        fill: false
      });
    }
    var chart = new window.Chart(canvas, {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: 16 } },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              afterLabel: function (item) {
                var p = points[item.dataIndex];
                return p ? "n = " + p.n + " · " + p.status : "";
              }
            }
          }
        },
        scales: { y: { beginAtZero: true, grace: "10%" } }
      },
      plugins: [sampleSizes]
    });
    chart.$kpiPoints = points;
    chart.update();
    canvas.setAttribute("data-drawn", "true");
  }

  function start() {
    if (!window.Chart) { return; }
    document.querySelectorAll("canvas.kpi-canvas").forEach(draw);
    // the charts now say it all at a glance: each table folds under its chart (open without JavaScript)
    document.querySelectorAll("details.kpi-figures").forEach(function (d) { d.removeAttribute("open"); });
    document.body.setAttribute("data-kpi-charts", "ready");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
