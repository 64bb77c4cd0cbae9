// The live feed's socket in a Web Worker (docs/globe.md#web-worker): reading, inflating and decoding 10,000
// aircraft (a 3 MB MessagePack frame took ~120 ms of the page's main thread) happens here, and the page gets the
// decoded frame, in the order the socket delivered them, to apply and draw. One worker per Feed; it holds at most
// one socket, named by the id the page gave it, so a message of a socket the page already dropped is ignored there.
import { decode } from './msgpack.js';

let ws = null;
let id = 0;

function inflate(buffer) {
  return new Response(new Blob([buffer]).stream().pipeThrough(new DecompressionStream('deflate'))).arrayBuffer();
}

function post(msg) { self.postMessage(msg); }

function decodeAndPost(sid, data, wireBytes) {
  const t0 = performance.now();
  let frame;
  try {
    frame = typeof data === 'string' ? JSON.parse(data) : decode(data);
  } catch (e) {
    post({ id: sid, kind: 'bad', error: String(e) });
    return;
  }
  post({ id: sid, kind: 'frame', frame, wireBytes, decodeMs: performance.now() - t0 });
}

self.onmessage = (m) => {
  const cmd = m.data;
  if (cmd.cmd === 'open') {
    if (ws) ws.close();
    id = cmd.id;
    const sid = id;
    const socket = new WebSocket(cmd.url);
    socket.binaryType = 'arraybuffer';
    ws = socket;
    let chain = Promise.resolve(); // inflating is asynchronous: one chain keeps the frames in order
    socket.onopen = () => post({ id: sid, kind: 'open' });
    socket.onmessage = (e) => {
      const wireBytes = typeof e.data === 'string' ? e.data.length : e.data.byteLength;
      if (cmd.inflate && typeof e.data !== 'string') {
        const wire = e.data;
        chain = chain.then(() => inflate(wire))
          .then((plain) => decodeAndPost(sid, plain, wireBytes))
          .catch((err) => post({ id: sid, kind: 'bad', error: String(err) }));
        return;
      }
      chain = chain.then(() => decodeAndPost(sid, e.data, wireBytes));
    };
    socket.onclose = () => { chain.then(() => post({ id: sid, kind: 'close' })); if (ws === socket) ws = null; };
    socket.onerror = () => {};
  } else if (cmd.cmd === 'send') {
    if (ws && cmd.id === id && ws.readyState === WebSocket.OPEN) ws.send(cmd.text);
  } else if (cmd.cmd === 'close') {
    if (ws && cmd.id === id) { ws.close(); ws = null; }
  }
};
