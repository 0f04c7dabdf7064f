// Draws the dashboard's charts with ECharts from GET /api/v1/admin/dashboard — the same JSON the
// tables beside them were rendered from.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var red = "#c8102e";
  function bar(el, names, series) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 8, bottom: 8, top: series.length > 1 ? 30 : 10, containLabel: true },
      xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: names.length > 4 ? 30 : 0 } },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map(function (s) { return { name: s.name, type: "bar", data: s.data, itemStyle: { color: s.color } }; }),
      animation: false,
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  function pie(el, rows) {
    var chart = echarts.init(el);
    var colors = ["#1b7f3b", "#5fb36b", "#c9a227", "#e07a2e", red];
    // Levels nobody chose are left out (each keeps its colour); with no ratings at all ECharts would
    // draw five equal sectors, which reads as 20% each: a "no ratings yet" note instead.
    var data = rows.map(function (r, i) { return { name: r.name, value: r.value, itemStyle: { color: colors[i] } }; }).filter(function (r) { return r.value > 0; });
    chart.setOption({
      tooltip: { trigger: "item" },
      title: data.length ? undefined : { text: L.no_ratings, left: "center", top: "middle", textStyle: { color: "#888", fontSize: 14, fontWeight: "normal" } },
      series: [{ type: "pie", radius: ["35%", "65%"], data: data, label: { formatter: "{b}: {c}" } }],
      animation: false,
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  var L = JSON.parse(document.getElementById("dashboard").getAttribute("data-labels"));
  function questions(el, rows) {
    var chart = echarts.init(el);
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 30, containLabel: true },
      xAxis: { type: "category", data: rows.map(function (r) { return r.day.slice(5); }) },
      yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } }],
      series: [
        { name: L.asked, type: "bar", data: rows.map(function (r) { return r.asked; }), itemStyle: { color: "#0b5cad" } },
        { name: L.share, type: "line", yAxisIndex: 1, data: rows.map(function (r) { return r.answeredShare === null ? null : Math.round(r.answeredShare * 1000) / 10; }), itemStyle: { color: red } },
      ],
      animation: false,
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  var el = function (name) { return document.querySelector('[data-chart="' + name + '"]'); };
  fetch("/api/v1/admin/dashboard", { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (d) {
      var c = d.complaints;
      questions(el("questions"), d.questions);
      bar(el("category"), c.byCategory.map(function (r) { return r.category || L.unclassified; }), [{ name: L.tickets, data: c.byCategory.map(function (r) { return r.count; }), color: red }]);
      bar(el("department"), c.byDepartment.map(function (r) { return r.department || L.undispatched; }), [{ name: L.tickets, data: c.byDepartment.map(function (r) { return r.count; }), color: "#0b5cad" }]);
      pie(el("satisfaction"), c.satisfaction.map(function (r) { return { name: r.level, value: r.count }; }));
      bar(el("applications"), d.applications.map(function (r) { return r.department; }), [
        { name: L.warning, data: d.applications.map(function (r) { return r.warning; }), color: "#e0a800" },
        { name: L.overdue, data: d.applications.map(function (r) { return r.overdue; }), color: red },
      ]);
      document.body.setAttribute("data-charts", "drawn");
    });
});
