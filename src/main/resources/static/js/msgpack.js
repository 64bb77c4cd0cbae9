// A MessagePack decoder for the server's frames (docs/websocket.md, "MessagePack mapping"): maps with string
// keys, arrays, str, ints up to uint/int 64, float 32/64, bool, nil. Binary and extension types are decoded
// too (as Uint8Array / {ext, data}) so an unexpected value fails loudly only when it is used.
const utf8 = new TextDecoder('utf-8');

export function decode(buffer) {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;

  function str(n) { const s = utf8.decode(bytes.subarray(pos, pos + n)); pos += n; return s; }
  function arr(n) { const a = new Array(n); for (let i = 0; i < n; i++) a[i] = next(); return a; }
  function map(n) { const o = {}; for (let i = 0; i < n; i++) { const k = next(); o[k] = next(); } return o; }
  function bin(n) { const b = bytes.slice(pos, pos + n); pos += n; return b; }
  function ext(n) { const type = view.getInt8(pos); pos += 1; return { ext: type, data: bin(n) }; }
  // Epoch-ms times fit a double exactly (< 2^53), so 64-bit ints are returned as numbers.
  function u64() { const hi = view.getUint32(pos), lo = view.getUint32(pos + 4); pos += 8; return hi * 4294967296 + lo; }
  function i64() { const hi = view.getInt32(pos), lo = view.getUint32(pos + 4); pos += 8; return hi * 4294967296 + lo; }

  function next() {
    const b = bytes[pos++];
    if (b <= 0x7f) return b;
    if (b <= 0x8f) return map(b & 0x0f);
    if (b <= 0x9f) return arr(b & 0x0f);
    if (b <= 0xbf) return str(b & 0x1f);
    if (b >= 0xe0) return b - 0x100;
    let v;
    switch (b) {
      case 0xc0: return null;
      case 0xc2: return false;
      case 0xc3: return true;
      case 0xc4: v = bytes[pos]; pos += 1; return bin(v);
      case 0xc5: v = view.getUint16(pos); pos += 2; return bin(v);
      case 0xc6: v = view.getUint32(pos); pos += 4; return bin(v);
      case 0xc7: v = bytes[pos]; pos += 1; return ext(v);
      case 0xc8: v = view.getUint16(pos); pos += 2; return ext(v);
      case 0xc9: v = view.getUint32(pos); pos += 4; return ext(v);
      case 0xca: v = view.getFloat32(pos); pos += 4; return v;
      case 0xcb: v = view.getFloat64(pos); pos += 8; return v;
      case 0xcc: v = bytes[pos]; pos += 1; return v;
      case 0xcd: v = view.getUint16(pos); pos += 2; return v;
      case 0xce: v = view.getUint32(pos); pos += 4; return v;
      case 0xcf: return u64();
      case 0xd0: v = view.getInt8(pos); pos += 1; return v;
      case 0xd1: v = view.getInt16(pos); pos += 2; return v;
      case 0xd2: v = view.getInt32(pos); pos += 4; return v;
      case 0xd3: return i64();
      case 0xd4: return ext(1);
      case 0xd5: return ext(2);
      case 0xd6: return ext(4);
      case 0xd7: return ext(8);
      case 0xd8: return ext(16);
      case 0xd9: v = bytes[pos]; pos += 1; return str(v);
      case 0xda: v = view.getUint16(pos); pos += 2; return str(v);
      case 0xdb: v = view.getUint32(pos); pos += 4; return str(v);
      case 0xdc: v = view.getUint16(pos); pos += 2; return arr(v);
      case 0xdd: v = view.getUint32(pos); pos += 4; return arr(v);
      case 0xde: v = view.getUint16(pos); pos += 2; return map(v);
      case 0xdf: v = view.getUint32(pos); pos += 4; return map(v);
      default: throw new Error('msgpack: unknown type byte 0x' + b.toString(16) + ' at ' + (pos - 1));
    }
  }

  const value = next();
  if (pos !== bytes.length) throw new Error('msgpack: ' + (bytes.length - pos) + ' trailing bytes');
  return value;
}
