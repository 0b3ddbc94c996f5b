/**
 * "Poradnia": the staff's own corner — the request queue, the dashboard,
 * schools, the plans waiting for approval (for those who approve them), and for admins the staff list and the Poradnia's details.
 */
import * as store from '../../store/index.js';
import * as plansStore from '../../store/plans.js';
import '../plans/planning.js'; // the words of the plans' link
import { useWithUser } from '../hooks.js';
import { addWords, t } from '../i18n.js';
import { Loading } from '../bits.jsx';
import { isAdmin, isStaff } from '../rights.js';
import { auditLinkWords } from './auditWords.js';

addWords(auditLinkWords);

/** @param {{me: {id: string}}} props */
export function StaffHome({ me }) {
  const data = useWithUser(me.id, async () => ({
    waiting: (await store.requestQueue()).waiting.length,
    poradnia: await store.poradnia(),
    plans: (await plansStore.plansWaiting()).length,
    approvers: await plansStore.planApprovers(),
  }));
  if (!data) return <main class="page"><Loading /></main>;
  if (!isStaff(data.user)) return <OnlyStaff />;
  const links = [
    { href: '#/staff/queue', label: t('staff.queue'), count: data.waiting, testid: 'staff-queue' },
    { href: '#/staff/dashboard', label: t('staff.dashboard'), testid: 'staff-dashboard' },
    { href: '#/staff/schools', label: t('staff.schools'), testid: 'staff-schools' },
  ];
  if (isAdmin(data.user) || data.approvers[me.id]) {
    links.push({ href: '#/staff/plans', label: t('plans.waiting'), count: data.plans, testid: 'staff-plans' });
  }
  if (isAdmin(data.user)) {
    links.push({ href: '#/staff/people', label: t('staff.people'), testid: 'staff-people' });
    links.push({ href: '#/staff/poradnia', label: t('staff.details'), testid: 'staff-poradnia' });
    links.push({ href: '#/staff/audit', label: t('staff.audit'), testid: 'staff-audit' });
  }
  return (
    <main class="page" data-testid="staff-home">
      <h1>{t('staff.title')}</h1>
      {data.poradnia && <p class="muted lead">{data.poradnia.name}</p>}
      <ul class="list">
        {links.map((l) => (
          <li key={l.href}>
            <a class="list-item row-item" href={l.href} data-testid={l.testid}>
              <span class="item-title">{l.label}</span>
              {l.count ? <span class="count" data-testid={`${l.testid}-count`}>{l.count}</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function OnlyStaff() {
  return (
    <main class="page">
      <p class="notice">{t('staff.onlyStaff')}</p>
    </main>
  );
}
