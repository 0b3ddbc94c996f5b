/**
 * The bottom bar a teacher on a phone finds with her thumb: Sieci, Wnioski,
 * Profil, and Poradnia for its staff (with the number of requests waiting).
 */
import * as store from '../store/index.js';
import { useQuery } from './hooks.js';
import { t } from './i18n.js';
import { isStaff } from './rights.js';

/** @typedef {import('./hooks.js').RouteName} RouteName */

/** Which tab a screen belongs to. @type {Record<string, string>} */
const TAB_OF = {
  requests: 'requests',
  ask: 'requests',
  profile: 'profile',
  staff: 'staff',
  queue: 'staff',
  dashboard: 'staff',
  schools: 'staff',
  people: 'staff',
  poradnia: 'staff',
};

/** Simple line icons, 24 px, drawn in currentColor: circles [cx, cy, r] and a path. */
const ICONS = {
  networks: { circles: [[6, 7, 2.5], [18, 7, 2.5], [12, 18, 2.5]], d: 'M8.5 7h7M7.3 9.2l3.4 6.6M16.7 9.2l-3.4 6.6' },
  requests: { circles: [], d: 'M7 3h7l4 4v14H7zM14 3v4h4M10 12h5M10 16h5' },
  profile: { circles: [[12, 8, 4]], d: 'M4 21c1-4 4.5-6 8-6s7 2 8 6' },
  staff: { circles: [], d: 'M4 21V9l8-5 8 5v12M9 21v-6h6v6M3 21h18' },
};

/** @param {{name: keyof typeof ICONS}} props */
function Icon({ name }) {
  const icon = ICONS[name];
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor"
      stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">
      {icon.circles.map(([cx, cy, r]) => <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r={r} />)}
      <path d={icon.d} />
    </svg>
  );
}

/** @param {{route: RouteName, meId: string}} props */
export function Nav({ route, meId }) {
  const data = useQuery(async () => {
    const user = await store.getRow('user', meId);
    const waiting = isStaff(user) ? (await store.requestQueue()).waiting.length : 0;
    return { staff: isStaff(user), waiting };
  }, [meId]);
  const current = TAB_OF[route] || 'networks';
  const tabs = [
    { key: 'networks', href: '#/', label: t('nav.networks') },
    { key: 'requests', href: '#/requests', label: t('nav.requests') },
    { key: 'profile', href: '#/profile', label: t('nav.profile') },
  ];
  if (data?.staff) tabs.push({ key: 'staff', href: '#/staff', label: t('nav.staff') });
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')} data-testid="nav">
      {tabs.map((tab) => (
        <a
          key={tab.key}
          href={tab.href}
          class={`nav-item${current === tab.key ? ' is-current' : ''}`}
          aria-current={current === tab.key ? 'page' : undefined}
          data-testid={`nav-${tab.key}`}
        >
          <Icon name={/** @type {keyof typeof ICONS} */ (tab.key)} />
          <span class="nav-label">{tab.label}</span>
          {tab.key === 'staff' && data && data.waiting > 0 && (
            <span class="nav-count" data-testid="nav-staff-count">{data.waiting}</span>
          )}
        </a>
      ))}
    </nav>
  );
}
