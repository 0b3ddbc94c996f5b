/**
 * The bell in the top bar: her notifications, with the number still unread.
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';

export function NotificationBell() {
  const unread = useQuery(() => store.unreadNotificationCount(), []) ?? 0;
  return (
    <a class="btn-ghost bell" href="#/notifications" data-testid="notes-bell"
      aria-label={unread ? t('notes.bellUnread', { n: unread }) : t('notes.heading')}>
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.9"
        stroke-linecap="round" stroke-linejoin="round">
        <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" />
      </svg>
      {unread > 0 && <span class="bell-count" data-testid="notes-unread">{unread > 99 ? '99+' : unread}</span>}
    </a>
  );
}
