// The dashboard's one connection to the hub: a single EventSource for many topics (browsers allow about six
// HTTP/1.1 connections per host). It drops any event whose id is not above the last one seen, so a reconnect never
// shows an event twice, and reports its state: connecting, connected, reconnecting, gap (events were missed).

const GAP_EVENT = 'beacon-gap';
const GAP_SHOWN_MS = 20000;
const RETRY_MAX_MS = 30000;

export class HubStream {
  /** @param topics topic names; @param onState called with (state, detail) */
  constructor(topics, onState) {
    this.url = 'api/streams?' + topics.map(t => 'topic=' + encodeURIComponent(t)).join('&');
    this.onState = onState;
    this.handlers = new Map();
    this.lastId = null;
    this.source = null;
    this.connects = 0;
    this.retryMs = 1000;
    this.gapUntil = 0;
  }

  /** Calls handler(data, event) for each new event of that name; may be called before or after open(). */
  on(name, handler) {
    if (!this.handlers.has(name)) {
      this.handlers.set(name, []);
      this.source?.addEventListener(name, event => this.dispatch(name, event));
    }
    this.handlers.get(name).push(handler);
  }

  open() {
    // A first connection cannot send Last-Event-ID; after the browser gave up, resume by the query parameter.
    const url = this.lastId === null ? this.url : `${this.url}&lastEventId=${this.lastId}`;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('open', () => this.opened());
    source.addEventListener('error', () => this.failed(source));
    source.addEventListener(GAP_EVENT, event => this.gap(event));
    for (const name of this.handlers.keys()) {
      source.addEventListener(name, event => this.dispatch(name, event));
    }
  }

  dispatch(name, event) {
    if (!this.isNew(event.lastEventId)) {
      return;
    }
    for (const handler of this.handlers.get(name)) {
      try {
        handler(event.data, event);
      } catch (error) {
        console.warn(`Beacon: could not show a ${name} event`, error);
      }
    }
  }

  /** Ids are decimal and increasing; BigInt keeps them exact whatever their size. */
  isNew(lastEventId) {
    if (!/^\d+$/.test(lastEventId || '')) {
      return true;
    }
    const id = BigInt(lastEventId);
    if (this.lastId !== null && id <= this.lastId) {
      return false;
    }
    this.lastId = id;
    return true;
  }

  opened() {
    this.connects += 1;
    this.retryMs = 1000;
    this.report(Date.now() < this.gapUntil ? 'gap' : 'connected');
  }

  failed(source) {
    if (source.readyState === EventSource.CONNECTING) {
      this.report('reconnecting');
      return;
    }
    // CLOSED: the browser gave up (a non-200 answer, say). Try again ourselves, backing off.
    this.report('reconnecting');
    source.close();
    setTimeout(() => this.open(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  gap(event) {
    this.gapUntil = Date.now() + GAP_SHOWN_MS;
    let reason = 'unknown';
    try {
      reason = JSON.parse(event.data).reason ?? reason;
    } catch {
      // The state is what matters; a malformed detail keeps the default reason.
    }
    this.report('gap', reason);
    setTimeout(() => {
      if (Date.now() >= this.gapUntil && this.source?.readyState === EventSource.OPEN) {
        this.report('connected');
      }
    }, GAP_SHOWN_MS);
  }

  report(state, detail) {
    this.onState(state, { detail, connects: this.connects });
  }
}
