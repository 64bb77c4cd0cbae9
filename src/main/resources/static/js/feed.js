// The WebSocket client of /ws/flights (live) and /ws/playback (history), and of /ws/atc (the ATC positions,
// same frame rules): decodes frames, checks the seq chain, reconnects with backoff, re-sends the subscription,
// and hands each frame to the page's handlers.
import { decode } from './msgpack.js';

const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 15000;
// After a seq gap the server sends a snapshot by itself; if none comes this soon, reconnect.
const RESYNC_WAIT_MS = 5000;
// Deflated frames (compress=deflate) are a third of the size; the browser inflates them natively. Without
// DecompressionStream (old browsers) the page asks for plain MessagePack.
const DEFLATE = typeof DecompressionStream === 'function';

// The socket and the decoding run in a Web Worker (feed-worker.js) unless the page was opened with ?worker=0 or the
// browser has no module workers; the frames reach handle() in the same order either way.
const USE_WORKER = typeof Worker === 'function' && typeof location !== 'undefined'
  && new URLSearchParams(location.search).get('worker') !== '0';

/** What Feed needs of a socket, with the socket itself in the worker. */
class WorkerSocket {
  constructor(worker, id, url, inflate) {
    this.worker = worker;
    this.id = id;
    this.readyState = WebSocket.CONNECTING;
    worker.postMessage({ cmd: 'open', id, url, inflate });
  }
  send(text) { this.worker.postMessage({ cmd: 'send', id: this.id, text }); }
  close() {
    this.readyState = WebSocket.CLOSED;
    this.worker.postMessage({ cmd: 'close', id: this.id });
  }
}

function inflate(buffer) {
  return new Response(new Blob([buffer]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer();
}

export class Feed {
  /**
   * handlers: {snapshot, delta, status, event, playback, error, state} — each optional, called with the frame.
   * livePath: the live endpoint with its query (default /ws/flights in MessagePack, deflated where possible).
   */
  constructor(handlers, livePath = null) {
    this.h = handlers;
    this.livePath = livePath;
    this.ws = null;
    this.mode = 'live';
    this.filter = {};
    this.alertRules = []; // alert rules whose frames this socket asks for (docs/websocket.md#subscribe)
    this.playbackQuery = null;
    this.seq = null;
    this.backoff = BACKOFF_MIN_MS;
    this.retryTimer = null;
    this.resyncTimer = null;
    this.frames = 0;
    this.lastFrameAt = null;
    this.state = 'idle';
    this.timing = { decodeMs: 0, applyMs: 0, bytes: 0, workerDecodeMs: 0 }; // for the benchmark
    this.worker = null; // created on the first open, when USE_WORKER
    this.socketIds = 0;
  }

  /** Opens a socket in the worker, with the same callbacks as a WebSocket's. */
  openInWorker(url, inflateFrames) {
    if (!this.worker) {
      this.worker = new Worker(new URL('./feed-worker.js', import.meta.url), { type: 'module' });
      this.worker.onmessage = (m) => {
        const msg = m.data;
        const ws = this.ws;
        if (!ws || !(ws instanceof WorkerSocket) || msg.id !== ws.id) return; // a socket already dropped
        if (msg.kind === 'open') { ws.readyState = WebSocket.OPEN; ws.onopen(); }
        else if (msg.kind === 'frame') {
          this.timing.workerDecodeMs += msg.decodeMs;
          this.apply(msg.frame, msg.wireBytes);
        } else if (msg.kind === 'bad') console.warn('SkySentinel: undecodable frame dropped', msg.error);
        else if (msg.kind === 'close') { ws.readyState = WebSocket.CLOSED; ws.onclose(); }
      };
      this.worker.onerror = (e) => console.warn('SkySentinel: feed worker failed', e.message);
    }
    return new WorkerSocket(this.worker, ++this.socketIds, url, inflateFrames);
  }

  live(filter) {
    this.mode = 'live';
    this.playbackQuery = null;
    if (filter) this.filter = filter;
    this.reopen();
  }

  /** from/to: epoch ms; speed: replay multiple. */
  playback(from, to, speed) {
    this.mode = 'playback';
    this.playbackQuery = `from=${Math.round(from)}&to=${Math.round(to)}&speed=${speed}`;
    this.reopen();
  }

  /** Sends the filter now (when connected) and remembers it for every reconnect. */
  subscribe(filter) {
    this.filter = filter;
    if (this.ws && this.ws.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify({ type: 'subscribe', filter }));
    }
  }

  /** Asks for the alert frames of these rules now (when connected) and on every reconnect. */
  subscribeAlerts(rules) {
    this.alertRules = rules;
    if (this.ws && this.ws.readyState === WebSocket.OPEN && this.mode === 'live') {
      this.ws.send(JSON.stringify({ type: 'alerts', rules }));
    }
  }

  url() {
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    // Playback's query is its own (from/to/speed); it answers in JSON, which this client reads as well.
    const live = this.livePath ?? '/ws/flights?format=msgpack' + (DEFLATE ? '&compress=deflate' : '');
    const path = this.mode === 'live' ? live : '/ws/playback?' + this.playbackQuery;
    return `${proto}//${location.host}${path}`;
  }

  reopen() {
    this.closeSocket();
    this.backoff = BACKOFF_MIN_MS;
    this.open();
  }

  open() {
    clearTimeout(this.retryTimer);
    this.setState('connecting');
    const deflated = DEFLATE && this.mode === 'live' && !this.livePath;
    const ws = USE_WORKER ? this.openInWorker(this.url(), deflated) : new WebSocket(this.url());
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.seq = null;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.setState(this.mode === 'live' ? 'live' : 'playback');
      if (this.mode === 'live' && Object.keys(this.filter).length > 0) this.subscribe(this.filter);
      if (this.mode === 'live' && this.alertRules.length > 0) this.subscribeAlerts(this.alertRules);
    };
    // Inflating is asynchronous: frames go through one promise chain per socket so they are applied in order.
    let inflated = Promise.resolve();
    ws.onmessage = (m) => {
      if (this.ws !== ws) return;
      if (DEFLATE && this.mode === 'live' && !this.livePath && typeof m.data !== 'string') {
        const wire = m.data;
        inflated = inflated.then(() => inflate(wire))
          .then((plain) => { if (this.ws === ws) this.receive(plain, wire.byteLength); })
          .catch((e) => console.warn('SkySentinel: undecodable frame dropped', e));
        return;
      }
      this.receive(m.data, typeof m.data === 'string' ? m.data.length : m.data.byteLength);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.scheduleRetry();
    };
    // onerror is always followed by onclose, which does the work; a failed connect is not a page error.
    ws.onerror = () => {};
  }

  /** Decodes one frame (JSON text or MessagePack bytes) and applies it; wireBytes is its size on the wire. */
  receive(data, wireBytes) {
    const t0 = performance.now();
    let frame;
    try {
      frame = typeof data === 'string' ? JSON.parse(data) : decode(data);
    } catch (e) {
      console.warn('SkySentinel: undecodable frame dropped', e);
      return;
    }
    this.timing.decodeMs += performance.now() - t0;
    this.apply(frame, wireBytes);
  }

  /** Applies one decoded frame and counts the time it took on this (the page's) thread. */
  apply(frame, wireBytes) {
    const t1 = performance.now();
    this.handle(frame);
    this.timing.applyMs += performance.now() - t1;
    this.timing.bytes += wireBytes;
  }

  scheduleRetry() {
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MAX_MS);
    this.setState(`reconnecting in ${Math.round(wait / 100) / 10} s`);
    this.retryTimer = setTimeout(() => this.open(), wait);
  }

  closeSocket() {
    clearTimeout(this.retryTimer);
    clearTimeout(this.resyncTimer);
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close();
    }
  }

  /** Applies one decoded frame; public so a test can drive the page without a server. */
  handle(frame) {
    this.frames++;
    this.lastFrameAt = performance.now();
    switch (frame.type) {
      case 'snapshot':
        clearTimeout(this.resyncTimer);
        this.seq = frame.seq;
        this.backoff = BACKOFF_MIN_MS;
        if (this.state === 'resync') this.setState(this.mode === 'live' ? 'live' : 'playback');
        this.h.snapshot?.(frame);
        break;
      case 'delta':
        if (this.seq === null || this.state === 'resync') return; // waiting for the snapshot that follows a gap
        if (frame.seq !== this.seq + 1) {
          this.setState('resync');
          this.resyncTimer = setTimeout(() => this.reopen(), RESYNC_WAIT_MS);
          return;
        }
        this.seq = frame.seq;
        this.h.delta?.(frame);
        break;
      case 'status': this.h.status?.(frame); break;
      case 'event': this.h.event?.(frame); break;
      case 'alert': this.h.alert?.(frame); break;
      case 'playback': this.h.playback?.(frame); break;
      case 'error': this.h.error?.(frame); break;
      default: console.warn('SkySentinel: unknown frame type', frame.type);
    }
  }

  setState(s) {
    this.state = s;
    this.h.state?.(s);
  }
}
