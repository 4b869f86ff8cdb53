/* Brownout run report: draws the charts from the page's JSON with uPlot. Any failure is recorded in
   <body data-errors>; <body data-charts-drawn> counts the charts drawn. */
(function () {
  'use strict';

  var body = document.body;
  var report = window.brownoutError || function () {};
  var drawn = 0;

  var COLORS = { chaos: '#1f5fa8', baseline: '#8a93a3', latency: '#7b4bb7', fault: 'rgba(214, 69, 65, 0.13)',
                 faultEdge: 'rgba(214, 69, 65, 0.55)', phaseEdge: 'rgba(93, 102, 119, 0.35)', label: '#8c2a24' };

  function clock(seconds) {
    var whole = Math.round(seconds);
    var m = Math.floor(whole / 60);
    var s = whole % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }

  function percent(v) {
    return v == null ? '—' : (v * 100).toFixed(1) + '%';
  }

  function score(v) {
    return v == null ? '—' : v.toFixed(3);
  }

  function seconds(v) {
    return v == null ? '—' : (v < 1 ? Math.round(v * 1000) + ' ms' : v.toFixed(2) + ' s');
  }

  /* shades every faulted phase behind the series and labels each phase on top of the plot */
  function phasePlugin(phases) {
    function spans(u) {
      var out = [];
      for (var i = 0; i < phases.length; i++) {
        var p = phases[i];
        var left = u.valToPos(p.at, 'x', true);
        var right = u.valToPos(p.end, 'x', true);
        var x0 = Math.max(u.bbox.left, Math.min(left, right));
        var x1 = Math.min(u.bbox.left + u.bbox.width, Math.max(left, right));
        if (x1 > x0) {
          out.push({ phase: p, x0: x0, x1: x1 });
        }
      }
      return out;
    }
    return {
      hooks: {
        drawClear: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          spans(u).forEach(function (s) {
            if (s.phase.faulted) {
              ctx.fillStyle = COLORS.fault;
              ctx.fillRect(s.x0, u.bbox.top, s.x1 - s.x0, u.bbox.height);
            }
          });
          ctx.restore();
        }],
        draw: [function (u) {
          var ctx = u.ctx;
          var ratio = window.devicePixelRatio || 1;
          ctx.save();
          ctx.font = (11 * ratio) + 'px system-ui, sans-serif';
          ctx.textBaseline = 'top';
          ctx.textAlign = 'left';
          spans(u).forEach(function (s) {
            ctx.strokeStyle = s.phase.faulted ? COLORS.faultEdge : COLORS.phaseEdge;
            ctx.lineWidth = ratio;
            ctx.beginPath();
            ctx.moveTo(Math.round(s.x0) + 0.5, u.bbox.top);
            ctx.lineTo(Math.round(s.x0) + 0.5, u.bbox.top + u.bbox.height);
            ctx.stroke();
            var label = s.phase.name + (s.phase.faulted ? ' (faults: ' + s.phase.targets.join(', ') + ')' : '');
            var room = s.x1 - s.x0 - 8 * ratio;
            if (room > 20 * ratio) {
              while (label.length > 1 && ctx.measureText(label).width > room) {
                label = label.slice(0, -2) + '…';
              }
              ctx.fillStyle = s.phase.faulted ? COLORS.label : '#5d6677';
              ctx.fillText(label, s.x0 + 4 * ratio, u.bbox.top + 4 * ratio);
            }
          });
          ctx.restore();
        }]
      }
    };
  }

  function chartWidth(element) {
    var width = element.clientWidth || (document.documentElement.clientWidth - 48);
    return Math.max(320, Math.min(width, 1130));
  }

  function draw(id, data, spec) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var title = document.createElement('div');
    title.className = 'chart-title';
    title.textContent = element.getAttribute('data-title');
    element.appendChild(title);
    var series = [{ label: 'time', value: function (u, v) { return v == null ? '—' : clock(v); } }];
    var columns = [data.x];
    spec.series.forEach(function (s) {
      series.push({ label: s.label, stroke: s.color, width: s.width || 2, dash: s.dash, spanGaps: false,
                    points: { show: data.x.length < 80 }, value: function (u, v) { return spec.format(v); } });
      columns.push(data[s.key]);
    });
    var options = {
      width: chartWidth(element),
      height: 240,
      plugins: [phasePlugin(data.phases)],
      scales: { x: { time: false, range: [0, Math.max(data.end, 1)] }, y: spec.y },
      axes: [
        { values: function (u, ticks) { return ticks.map(clock); }, label: 'time from the run\u2019s start (m:ss)' },
        { values: function (u, ticks) { return ticks.map(spec.format); }, size: 60 }
      ],
      series: series,
      legend: { live: true }
    };
    var chart = new uPlot(options, columns, element);
    window.addEventListener('resize', function () {
      if (!(window.matchMedia && window.matchMedia('print').matches)) {
        chart.setSize({ width: chartWidth(element), height: 240 });
      }
    });
    drawn++;
    body.setAttribute('data-charts-drawn', String(drawn));
  }

  function main() {
    var source = document.getElementById('report-data');
    var data = JSON.parse(source.textContent);
    if (!data.x || data.x.length === 0) {
      return;
    }
    if (typeof uPlot !== 'function') {
      throw new Error('uPlot did not load');
    }
    var charts = [
      ['chart-quality', { format: score, y: { range: [0, 1] }, series: [
        { label: 'quality', key: 'quality', color: COLORS.chaos },
        { label: 'baseline', key: 'baselineQuality', color: COLORS.baseline, dash: [6, 4], width: 1.5 }] }],
      ['chart-availability', { format: percent, y: { range: [0, 1] }, series: [
        { label: 'availability', key: 'availability', color: COLORS.chaos },
        { label: 'baseline', key: 'baselineAvailability', color: COLORS.baseline, dash: [6, 4], width: 1.5 }] }],
      ['chart-latency', { format: seconds, y: { range: function (u, min, max) { return [0, Math.max(max || 0, 0.001) * 1.1]; } },
        series: [{ label: 'p99 latency', key: 'p99', color: COLORS.latency }] }]
    ];
    charts.forEach(function (c) {
      try {
        draw(c[0], data, c[1]);
      } catch (e) {
        report('chart ' + c[0] + ': ' + (e && e.message ? e.message : e));
      }
    });
  }

  try {
    main();
  } catch (e) {
    report('charts: ' + (e && e.message ? e.message : e));
  }
})();
