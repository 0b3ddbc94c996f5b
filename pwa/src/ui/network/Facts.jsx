/**
 * What a teacher wants to know about a network at a glance: its kind,
 * recruitment and school year, the places taken ("12 / 20 miejsc"), and
 * whether it is in the archive. Shown in the catalogue and on the network.
 */
import { t } from '../i18n.js';
import { isArchived } from '../rights.js';

/** @typedef {Record<string, any>} Network */

/** "sieć przedmiotowa · nabór otwarty · rok szkolny 2026/2027" @param {Network} n */
export function factsLine(n) {
  const facts = [t(`kind.${n.kind}`), t(`recruitment.${n.recruitment}`)];
  if (n.school_year) facts.push(t('network.schoolYear', { year: n.school_year }));
  return facts.join(' · ');
}

/** "12 / 20 miejsc", or "12 uczestników · bez limitu miejsc". @param {Network} n */
function placesText(n) {
  const count = n.member_count ?? 0;
  if (n.capacity != null) return t('network.places', { count, n: n.capacity });
  return `${t('network.members', { n: count })} · ${t('network.noLimit')}`;
}

/** @param {{network: Network}} props */
export function ArchivedBadge({ network }) {
  if (!isArchived(network)) return null;
  return (
    <span class="badge badge-muted" data-testid="archived-badge">
      {t('network.archivedBadge')}
    </span>
  );
}

/** The facts as two lines under a network's name. @param {{network: Network}} props */
export function Facts({ network }) {
  return (
    <>
      <span class="item-meta" data-testid="network-facts">{factsLine(network)}</span>
      <span class="item-meta" data-testid="network-places">{placesText(network)}</span>
    </>
  );
}
