/**
 * The attendance list for meeting mode: everyone in the network, one large
 * row each that she taps to mark present (and taps again to take it back).
 * Each tap is a write with this device's time, kept offline too; her own
 * check-in with the code shows as "kodem".
 */
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';

/**
 * @param {{people: Record<string, any>[], attendance: Map<string, Record<string, any>>,
 *   rsvps: Map<string, Record<string, any>>, onToggle: (userId: string, present: boolean) => void}} props
 */
export function AttendanceList({ people, attendance, rsvps, onToggle }) {
  const present = people.filter((p) => attendance.get(p.user_id)?.present).length;
  return (
    <section data-testid="attendance">
      <h2>{t('meetingMode.attendance')}</h2>
      <p class="muted" data-testid="attendance-count">{t('meetingMode.present', { n: present, total: people.length })}</p>
      <ul class="list attendance-list">
        {people.map((p) => {
          const row = attendance.get(p.user_id);
          const here = row?.present === true;
          const answer = rsvps.get(p.user_id)?.answer;
          return (
            <li key={p.user_id}>
              <button type="button" class={`attendee${here ? ' is-here' : ''}`} aria-pressed={here}
                aria-label={t('meetingMode.toggle', { name: p.name })} data-testid="attendee" data-user-id={p.user_id}
                onClick={() => onToggle(p.user_id, !here)}>
                <span class="attendee-text">
                  <span class="attendee-name">{p.name || '—'}</span>
                  <span class="item-meta">
                    {[p.school, answer && t(`meetingMode.rsvp.${answer}`), row?.checked_in && here && t('meetingMode.byCode')]
                      .filter(Boolean).join(' · ')}
                  </span>
                  {row?.pending && <PendingMarker />}
                </span>
                <span class="attendee-mark" data-testid="attendee-mark">{here ? `✓ ${t('meetingMode.here')}` : t('meetingMode.mark')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
