/**
 * UUID v5 (RFC 4122: SHA-1 of a namespace and a name), synchronous so a local
 * mutator can name rows inside its IndexedDB transaction: a promoted post's
 * attachments get the very ids the server gives them (docs/sync-protocol.md,
 * "The library of good practices"). No imports: e2e runs it in node.
 */

/** @param {Uint8Array} bytes @returns {Uint8Array} 20 bytes */
function sha1(bytes) {
  const words = new Uint32Array(80);
  const padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bytes.length * 8);
  let [a0, b0, c0, d0, e0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const rol = (/** @type {number} */ x, /** @type {number} */ n) => (x << n) | (x >>> (32 - n));
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) words[i] = rol(words[i - 3] ^ words[i - 8] ^ words[i - 14] ^ words[i - 16], 1);
    let [a, b, c, d, e] = [a0, b0, c0, d0, e0];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (rol(a, 5) + f + e + k + words[i]) >>> 0;
      [e, d, c, b, a] = [d, c, rol(b, 30) >>> 0, a, t];
    }
    [a0, b0, c0, d0, e0] = [(a0 + a) >>> 0, (b0 + b) >>> 0, (c0 + c) >>> 0, (d0 + d) >>> 0, (e0 + e) >>> 0];
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0, e0].forEach((w, i) => outView.setUint32(i * 4, w));
  return out;
}

/** @param {string} namespace a UUID @param {string} name @returns {string} */
export function uuid5(namespace, name) {
  const ns = (namespace.replace(/-/g, '').match(/../g) || []).map((h) => parseInt(h, 16));
  const hash = sha1(new Uint8Array([...ns, ...new TextEncoder().encode(name)])).slice(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
