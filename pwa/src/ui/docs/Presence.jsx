/**
 * Who is here: everyone with the document open now (awareness), as a coloured circle with
 * initials and the name; she herself first. The names come from each one's own device.
 */
import { t } from '../i18n.js';
import './words.js';

/** @typedef {{clientId: number, name: string, color: string, me: boolean}} Here */

/** @param {string} name */
const initials = (name) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0].toUpperCase()).join('') || '?';

/** @param {{people: Here[]}} props */
export function Presence({ people }) {
  const others = people.filter((p) => !p.me);
  return (
    <section class="doc-here" aria-label={t('doc.here')} data-testid="doc-here">
      <span class="doc-here-title">{t('doc.here')}:</span>
      <ul class="doc-here-list">
        {people.map((p) => (
          <li key={p.clientId} class="doc-person" data-testid={p.me ? 'doc-here-me' : 'doc-here-person'}>
            <span class="doc-avatar" style={`background:${p.color}`} aria-hidden="true">{initials(p.name)}</span>
            <span class="doc-person-name">{p.me ? t('doc.me', { name: p.name }) : p.name}</span>
          </li>
        ))}
      </ul>
      {others.length === 0 && <span class="muted doc-alone">{t('doc.alone')}</span>}
    </section>
  );
}
