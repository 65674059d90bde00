// System monitor: CPU and memory gauges with numbers, the other figures, and a rolling chart of the last minutes.
import { byId, format, number, parseJson, setText, MISSING } from './dom.js';
import { polylinePoints } from './svg.js';

const WINDOW_MS = 5 * 60 * 1000;
const CHART = { width: 300, height: 100 };

export function monitorPanel() {
  const samples = [];

  function show(data) {
    const stats = parseJson(data) ?? {};
    gauge('gauge-cpu', 'cpu-value', stats.cpu_percent);
    gauge('gauge-memory', 'memory-value', stats.memory_percent);
    setText('memory-used', gigabytes(stats.memory_used_mb, stats.memory_total_mb));
    setText('process-cpu', format(stats.process_cpu_percent, 1, ' %'));
    setText('heap', pair(stats.heap_used_mb, stats.heap_max_mb, ' MB'));
    setText('load-average', format(stats.load_average, 2));
    setText('subscribers', format(stats.subscribers, 0));
    setText('monitor-updated', 'updated ' + new Date().toLocaleTimeString());
    samples.push({ at: Date.now(), cpu: number(stats.cpu_percent), memory: number(stats.memory_percent) });
    draw();
  }

  function draw() {
    const now = Date.now();
    while (samples.length && samples[0].at < now - WINDOW_MS) {
      samples.shift();
    }
    // The chart fills its width as samples come in, then rolls over the last five minutes.
    const from = samples.length ? Math.max(samples[0].at, now - WINDOW_MS) : now - WINDOW_MS;
    const range = { xMin: from, xMax: now, yMin: 0, yMax: 100, pad: 2 };
    setText('chart-span', `last ${span(now - from)}`);
    for (const key of ['cpu', 'memory']) {
      const pairs = samples.filter(s => s[key] !== null).map(s => [s.at, Math.min(100, Math.max(0, s[key]))]);
      byId(`chart-${key}`).setAttribute('points', polylinePoints(pairs, CHART.width, CHART.height, range));
    }
  }

  return { show, tick: draw };
}

function gauge(figureId, valueId, value) {
  const n = number(value);
  const figure = byId(figureId);
  const percent = n === null ? 0 : Math.min(100, Math.max(0, n));
  figure.querySelector('.gauge-fill').setAttribute('stroke-dasharray', `${percent.toFixed(1)} 100`);
  figure.dataset.value = n === null ? '' : n.toFixed(1);
  figure.dataset.level = percent >= 85 ? 'high' : percent >= 60 ? 'medium' : 'low';
  setText(valueId, format(n, 1, ' %'));
}

function span(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${Math.max(1, seconds)} s` : `${Math.round(seconds / 60)} min`;
}

/** Machine memory reads better in GB: 8.9 / 16.0 GB. */
function gigabytes(usedMb, totalMb) {
  const toGb = mb => (number(mb) === null ? null : mb / 1024);
  return pair(toGb(usedMb), toGb(totalMb), ' GB', 1);
}

function pair(used, total, unit, decimals = 0) {
  const u = number(used);
  const t = number(total);
  if (u === null && t === null) {
    return MISSING;
  }
  return `${format(u, decimals)} / ${format(t, decimals)}${unit}`;
}
