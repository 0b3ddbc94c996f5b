/**
 * A QR code drawn as one SVG path (bundled qrcode-generator, no CDN, no
 * data: URL): sharp at any size on a tablet held up in the room.
 */
import { useMemo } from 'preact/hooks';
import qrcode from 'qrcode-generator';

/** The dark modules as one path, a unit square each. @param {string} text */
export function qrPath(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let d = '';
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c} ${r}h1v1h-1z`;
  }
  return { n, d };
}

/** @param {{text: string, label: string}} props */
export function Qr({ text, label }) {
  const { n, d } = useMemo(() => qrPath(text), [text]); // made once: each tap on the list renders the screen again
  const q = 4; // the quiet zone a reader needs around the code
  return (
    <svg class="qr" viewBox={`${-q} ${-q} ${n + 2 * q} ${n + 2 * q}`} role="img" aria-label={label} data-testid="checkin-qr"
      data-text={text} shape-rendering="crispEdges">
      <rect x={-q} y={-q} width={n + 2 * q} height={n + 2 * q} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
