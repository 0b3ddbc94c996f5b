/**
 * One meeting in a list: a date badge a teacher reads at a glance (day,
 * month, weekday on Warsaw's clock), its title, hours and place; a cancelled
 * one is struck through and says so.
 */
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';
import { meetingHoursText, meetingShortDay } from './warsaw.js';
import './meetings.css';

/** @param {{meeting: Record<string, any>, now?: number, big?: boolean}} props */
export function MeetingCard({ meeting: m, now = Date.now(), big = false }) {
  const day = meetingShortDay(m.starts_at);
  const cancelled = m.status === 'cancelled';
  const live = !cancelled && Date.parse(m.starts_at) <= now && now < Date.parse(m.ends_at);
  return (
    <a class={`list-item meeting-item${cancelled ? ' is-cancelled' : ''}${big ? ' is-next' : ''}`} href={`#/m/${m.id}`}
      data-testid="meeting-item" data-status={m.status}>
      <span class="date-badge" aria-hidden="true">
        <span class="date-day">{day.day}</span>
        <span class="date-month">{day.month}</span>
        <span class="date-weekday">{day.weekday}</span>
      </span>
      <span class="meeting-text">
        <span class="item-title" data-testid="meeting-item-title">{m.title}</span>
        <span class="item-meta">{meetingHoursText(m.starts_at, m.ends_at)}{m.place ? ` · ${m.place}` : ''}</span>
        <span class="badges">
          {cancelled && <span class="badge badge-danger" data-testid="meeting-cancelled">{t('meetings.cancelled')}</span>}
          {live && <span class="badge" data-testid="meeting-live">{t('meetings.now')}</span>}
        </span>
        {m.pending && <PendingMarker />}
      </span>
    </a>
  );
}
