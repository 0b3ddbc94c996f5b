/**
 * The Poradnia's logo, small, in the header and on the sign-in screen
 * (`GET /api/poradnia/logo` is public). Nothing shows until the picture has
 * loaded, and nothing at all when there is none (404) or the phone is offline
 * without a cached copy.
 */
import { useState } from 'preact/hooks';
import './logo.css';

/** @param {{src: string|null|undefined, name: string, class: string, testid: string}} props */
export function PoradniaLogo({ src, name, class: cls, testid }) {
  const [state, setState] = useState(/** @type {{src?: string, ok: boolean}} */ ({ ok: false }));
  if (!src) return null;
  const ok = state.src === src && state.ok;
  return (
    <img key={src} src={src} alt={name} class={`poradnia-logo ${cls}`} data-testid={testid}
      hidden={!ok} data-loaded={ok ? 'true' : 'false'}
      onLoad={() => setState({ src, ok: true })} onError={() => setState({ src, ok: false })} />
  );
}
