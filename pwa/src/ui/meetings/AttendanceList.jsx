/**
 * The attendance list for meeting mode: everyone in the network, one large
 * row each that she taps to mark present (and taps again to take it back).
 * Each tap is a write with this device's time, kept offline too; her own
 * check-in with the code shows as "kodem".
 */
import { Component } from 'preact';
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';

/**
 * @typedef {{userId: string, name: string, school: string, answer: string, here: boolean, byCode: boolean,
 *   pending: boolean, onToggle: (userId: string, present: boolean) => void}} AttendeeProps
 */

/**
 * One person's row. A tap changes one row of two hundred: the others keep what they drew
 * (the list is read again after every write, into new objects with the same values).
 * @extends {Component<AttendeeProps>}
 */
class Attendee extends Component {
  /** @param {AttendeeProps} next */
  shouldComponentUpdate(next) {
    const p = this.props;
    return p.here !== next.here || p.pending !== next.pending || p.byCode !== next.byCode || p.name !== next.name ||
      p.school !== next.school || p.answer !== next.answer;
  }

  render() {
    const { userId, name, school, answer, here, byCode, pending, onToggle } = this.props;
    return (
      <li>
        <button type="button" class={`attendee${here ? ' is-here' : ''}`} aria-pressed={here}
          aria-label={t('meetingMode.toggle', { name })} data-testid="attendee" data-user-id={userId}
          onClick={() => onToggle(userId, !here)}>
          <span class="attendee-text">
            <span class="attendee-name">{name || '—'}</span>
            <span class="item-meta">
              {[school, answer && t(`meetingMode.rsvp.${answer}`), byCode && here && t('meetingMode.byCode')].filter(Boolean).join(' · ')}
            </span>
            {pending && <PendingMarker />}
          </span>
          <span class="attendee-mark" data-testid="attendee-mark">{here ? `✓ ${t('meetingMode.here')}` : t('meetingMode.mark')}</span>
        </button>
      </li>
    );
  }
}

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
          return (
            <Attendee key={p.user_id} userId={p.user_id} name={p.name} school={p.school} answer={rsvps.get(p.user_id)?.answer || ''}
              here={row?.present === true} byCode={row?.checked_in === true} pending={row?.pending === true} onToggle={onToggle} />
          );
        })}
      </ul>
    </section>
  );
}
