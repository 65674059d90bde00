// Wires the panels to the hub: one EventSource for alerts, stats, ticker and clock; jobs have their own stream.
import { byId, parseJson, setText } from './dom.js';
import { HubStream } from './stream.js';
import { alertsPanel } from './alerts.js';
import { monitorPanel } from './monitor.js';
import { tickerPanel, tickerSymbols } from './ticker.js';
import { jobsPanel } from './jobs.js';

const TOPICS = ['alerts', 'stats', 'ticker', 'clock'];
const STATES = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  gap: 'Events missed',
};

function showConnection(state, { detail, connects }) {
  const indicator = byId('connection');
  indicator.dataset.state = state;
  indicator.dataset.connects = String(connects);
  const text = STATES[state] ?? state;
  setText('connection-text', state === 'gap' && detail ? `${text} (${detail})` : text);
}

function showClock(data) {
  const clock = parseJson(data) ?? {};
  const at = typeof clock.epoch_ms === 'number' ? new Date(clock.epoch_ms) : new Date(clock.iso);
  if (!Number.isNaN(at.getTime())) {
    const time = byId('clock');
    time.dateTime = at.toISOString();
    time.textContent = at.toLocaleTimeString();
  }
}

function wireJobs() {
  const jobs = jobsPanel();
  byId('job-form').addEventListener('submit', event => {
    event.preventDefault();
    const epochs = Number.parseInt(byId('job-epochs').value, 10);
    const steps = Number.parseInt(byId('job-steps').value, 10);
    jobs.start(epochs, steps);
  });
  byId('job-cancel').addEventListener('click', () => jobs.cancel());
  jobs.resume();
}

async function main() {
  const alerts = alertsPanel();
  const monitor = monitorPanel();
  const ticker = tickerPanel();
  const stream = new HubStream(TOPICS, showConnection);
  stream.on('crime_alert', alerts.show);
  stream.on('stats', monitor.show);
  stream.on('time', showClock);
  stream.on('message', ticker.show);
  // Ticker events are named after their symbol, so each symbol needs its own listener.
  for (const symbol of await tickerSymbols()) {
    stream.on(symbol, ticker.show);
  }
  stream.open();
  wireJobs();
  setInterval(() => {
    alerts.tick();
    monitor.tick();
  }, 1000);
}

main();
