/**
 * A QR code drawn as one SVG path (bundled qrcode-generator, no CDN, no
 * data: URL): sharp at any size on a tablet held up in the room. Making one
 * costs a slow phone tens of milliseconds (eight masks tried): it is made
 * after the screen around it has painted, once per address.
 */
import { useEffect, useState } from 'preact/hooks';
import qrcode from 'qrcode-generator';

/** @type {Map<string, {n: number, d: string}>} */
const made = new Map();

/** The dark modules as one path, a unit square each. @param {string} text */
export function qrPath(text) {
  const known = made.get(text);
  if (known) return known;
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  }
  made.set(text, { n, d });
  return { n, d };
}

/** @param {{text: string, label: string}} props */
export function Qr({ text, label }) {
  const [path, setPath] = useState(() => made.get(text) || null);
  useEffect(() => {
    if (path && made.get(text) === path) return undefined;
    const timer = setTimeout(() => setPath(qrPath(text)), 0);
    return () => clearTimeout(timer);
  }, [text]);
  if (!path) return <div class="qr qr-waiting" aria-hidden="true" />;
  const { n, d } = path;
  const q = 4; // the quiet zone a reader needs around the code
  return (
    <svg class="qr" viewBox={`${-q} ${-q} ${n + 2 * q} ${n + 2 * q}`} role="img" aria-label={label} data-testid="checkin-qr"
      data-text={text} shape-rendering="crispEdges">
      <rect x={-q} y={-q} width={n + 2 * q} height={n + 2 * q} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
