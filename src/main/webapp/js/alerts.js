// Crime alerts: a live feed, newest first, severity by colour and label, a count per district, time since each.
import { byId, el, parseJson, setText, since, MISSING } from './dom.js';

const KEEP = 50;
const SEVERITIES = new Set(['low', 'medium', 'high']);

export function alertsPanel() {
  const list = byId('alerts-list');
  const counts = new Map();
  let total = 0;

  function show(data) {
    const alert = parseJson(data) ?? {};
    const severity = SEVERITIES.has(alert.severity) ? alert.severity : 'unknown';
    const location = typeof alert.location === 'string' && alert.location ? alert.location : MISSING;
    list.prepend(item(alert, severity, location));
    while (list.children.length > KEEP) {
      list.lastElementChild.remove();
    }
    total += 1;
    counts.set(location, (counts.get(location) ?? 0) + 1);
    setText('alerts-total', String(total));
    byId('alerts-empty').hidden = true;
    renderCounts(counts);
  }

  function tick() {
    const now = Date.now();
    for (const time of list.querySelectorAll('time')) {
      time.textContent = since(time.dateTime, now);
    }
  }

  return { show, tick };
}

function item(alert, severity, location) {
  const timestamp = typeof alert.timestamp === 'string' ? alert.timestamp : '';
  const time = el('time', { class: 'alert-time', datetime: timestamp, title: timestamp }, since(timestamp));
  return el('li', { class: `alert alert-${severity}`, 'data-crime-id': String(alert.crime_id ?? '') },
      el('span', { class: `severity severity-${severity}` }, severity),
      el('span', { class: 'alert-body' },
          el('span', { class: 'alert-location' }, location),
          el('span', { class: 'alert-id' }, String(alert.crime_id ?? MISSING))),
      time);
}

function renderCounts(counts) {
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = ranked[0][1];
  const rows = ranked.slice(0, 8).map(([district, count]) => {
    // Through the CSSOM: the Content-Security-Policy allows no inline style attribute.
    const bar = el('span', { class: 'district-bar', 'aria-hidden': 'true' });
    bar.style.setProperty('--share', (count / top).toFixed(3));
    return el('li', { class: 'district' },
        el('span', { class: 'district-name' }, district), bar, el('span', { class: 'district-count' }, String(count)));
  });
  byId('district-counts').replaceChildren(...rows);
}
