// Jobs: start the training job, follow its progress on the job's own stream, cancel it, show how it ended.
// The running job's id is kept in localStorage, so a reload follows the same job again from its full history.
import { byId, format, number, parseJson, setText, MISSING } from './dom.js';

const STORAGE_KEY = 'beacon.job';
const ENDINGS = ['complete', 'failed', 'cancelled'];

/**
 * Starting and cancelling a job need a token in the Authorization header: the server reads its cookie only for
 * requests that change nothing, since other sites can make a browser send cookies. A page of this origin may copy the
 * beacon_token cookie there (no other site can read it); the job's stream gets the cookie as it is.
 */
function authorization() {
  const cookie = document.cookie.split(';').map(part => part.trim()).find(part => part.startsWith('beacon_token='));
  return cookie ? { Authorization: `Bearer ${decodeURIComponent(cookie.slice('beacon_token='.length))}` } : {};
}

/** The only place that knows the jobs API (issue 3): each action's URL and request. Adapt here at merge. */
export function jobsApi(action, id, { epochs, steps } = {}) {
  const job = `api/jobs/${encodeURIComponent(id ?? '')}`;
  switch (action) {
    case 'start':
      return {
        url: 'api/jobs',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authorization() },
          body: JSON.stringify({ kind: 'training', params: { total_epochs: epochs, steps_per_epoch: steps } }),
        },
      };
    case 'events':
      return { url: `${job}/events` };
    case 'cancel':
      return { url: job, init: { method: 'DELETE', headers: authorization() } };
    default:
      throw new Error(`unknown jobs action ${action}`);
  }
}

export function jobsPanel() {
  let source = null;
  let jobId = null;
  let progress = {};

  /** Ending events may carry fewer fields than progress events: what they lack keeps its last value. */
  function update(fields) {
    progress = { ...progress, ...fields };
    showProgress(progress);
  }

  async function start(epochs, steps) {
    setState('starting', 'Starting…');
    const { url, init } = jobsApi('start', null, { epochs, steps });
    try {
      const response = await fetch(url, init);
      if (!response.ok) {
        setState('idle', response.status === 404
            ? 'This server has no jobs API.' : `The job was refused (HTTP ${response.status}).`);
        return;
      }
      const body = parseJson(await response.text()) ?? {};
      const id = body.id ?? (response.headers.get('Location') ?? '').split('/').pop();
      if (!id) {
        setState('failed', 'The server did not name the job.');
        return;
      }
      follow(String(id), false);
    } catch (error) {
      setState('idle', 'Could not reach the server.');
    }
  }

  /** Streams the job's events; its stream replays its whole history first, so a reload shows real progress. */
  function follow(id, resumed) {
    source?.close();
    jobId = id;
    localStorage.setItem(STORAGE_KEY, id);
    setText('job-id', id);
    progress = {};
    showProgress(progress);
    setState('running', resumed ? 'Picked up the running job again.' : 'Training…');
    const events = new EventSource(jobsApi('events', id).url);
    source = events;
    events.addEventListener('progress', event => update(parseJson(event.data) ?? {}));
    for (const ending of ENDINGS) {
      events.addEventListener(ending, event => finish(ending, parseJson(event.data) ?? {}));
    }
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED && source === events) {
        forgetIfUnknown(id);
      }
    });
  }

  /**
   * The browser gives up on a stream for an answer other than a stream (the job is gone: a restart, say), but also
   * when the page is being left, while the job runs on. Only the server's 404 makes the page forget the job.
   */
  async function forgetIfUnknown(id) {
    const request = new AbortController();
    try {
      const response = await fetch(jobsApi('events', id).url, { signal: request.signal });
      if (response.status === 404 && jobId === id) {
        forget();
        setState('idle', 'The job is no longer known to the server.');
      }
    } catch {
      // Leaving the page or offline: keep the job for the next load.
    } finally {
      request.abort();
    }
  }

  function finish(ending, data) {
    update(ending === 'complete' ? { ...data, progress_percent: 100 } : data);
    const reason = typeof data.error === 'string' ? data.error : typeof data.message === 'string' ? data.message : '';
    forget();
    setState(ending, reason || `The job is ${ending}.`);
  }

  async function cancel() {
    if (jobId === null) {
      return;
    }
    byId('job-cancel').disabled = true;
    const { url, init } = jobsApi('cancel', jobId);
    try {
      const response = await fetch(url, init);
      if (!response.ok) {
        setText('job-message', `Cancel was refused (HTTP ${response.status}).`);
        byId('job-cancel').disabled = false;
      }
    } catch {
      setText('job-message', 'Could not reach the server to cancel.');
      byId('job-cancel').disabled = false;
    }
  }

  function forget() {
    source?.close();
    source = null;
    jobId = null;
    localStorage.removeItem(STORAGE_KEY);
  }

  function resume() {
    const id = localStorage.getItem(STORAGE_KEY);
    if (id) {
      follow(id, true);
    }
  }

  return { start, cancel, resume };
}

function showProgress(progress) {
  const percent = number(progress.progress_percent);
  const shown = percent === null ? 0 : Math.min(100, Math.max(0, percent));
  byId('job-progress').setAttribute('aria-valuenow', shown.toFixed(0));
  byId('job-progress-fill').style.width = `${shown}%`;
  setText('job-percent', percent === null ? MISSING : `${shown.toFixed(0)} %`);
  const epoch = number(progress.epoch);
  const total = number(progress.total_epochs);
  setText('job-epoch', epoch === null ? MISSING : total === null ? String(epoch) : `${epoch} / ${total}`);
  setText('job-loss', format(progress.loss, 4));
}

function setState(state, message) {
  const badge = byId('job-state');
  badge.dataset.state = state;
  badge.textContent = state;
  setText('job-message', message);
  const busy = state === 'starting' || state === 'running';
  byId('job-start').disabled = busy;
  byId('job-cancel').disabled = state !== 'running';
}
