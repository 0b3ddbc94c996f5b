/**
 * UUID v7 (RFC 9562) for ids the device makes: 48 bits of Unix milliseconds, then
 * random bits. Time-ordered ids land at the end of the server's indexes instead of
 * on a random page of them, which keeps a big push of replies cheap. The server's
 * own ids (server/db.py, new_id) are made the same way.
 * @returns {string}
 */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
