/**
 * #/staff/plans — the plans of every network waiting for approval, for the
 * Poradnia's staff who approve them (administrators, and staff given the right).
 */
import * as plansStore from '../../store/plans.js';
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';
import { formatDate } from '../format.js';
import { planRights, yearLabel } from './planning.js';
import './plans.css';

/** @param {{me: {id: string}}} props */
export function PlansWaiting({ me }) {
  const data = useWithUser(me.id, async () => ({ waiting: await plansStore.plansWaiting(), approvers: await plansStore.planApprovers() }));
  if (!data) return <main class="page"><Loading /></main>;
  const { mayApproveElsewhere } = planRights(data.user, null, data.approvers, null);
  return (
    <main class="page" data-testid="plans-waiting">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('plans.waiting')}</h1>
      <p class="muted lead">{t('plans.waitingIntro')}</p>
      {!mayApproveElsewhere || !data.waiting.length ? (
        <p class="muted" data-testid="plans-waiting-none">{t('plans.waitingNone')}</p>
      ) : (
        <ul class="list spaced">
          {data.waiting.map((p) => (
            <li key={p.id}>
              <a class="list-item" href={`#/n/${p.network_id}/plan/${p.school_year}`} data-testid="plans-waiting-item">
                <span class="item-title">{p.network_name}</span>
                <span class="item-meta">
                  {t('plans.waitingItem', { year: yearLabel(p.school_year), n: p.version })}
                  {p.submitted_at && <> · {t('plans.sentOn', { date: formatDate(p.submitted_at) })}</>}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
