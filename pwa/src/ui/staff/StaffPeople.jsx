/**
 * #/staff/people — staff admins say who works at the Poradnia (`staff.set`):
 * admin rights on or off, off the staff, and someone new from the people
 * this device knows (members of her networks); and who approves networks'
 * annual work plans besides the admins (`plan_approver.set`).
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import * as plansStore from '../../store/plans.js';
import { setStaff } from '../../sync/index.js';
import { setPlanApprover } from '../../sync/plans/index.js';
import '../plans/planning.js'; // the words of plan approvers
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading, PendingMarker } from '../bits.jsx';
import { Field, valueOf } from '../forms.jsx';
import { isAdmin } from '../rights.js';
import { OnlyStaff } from './StaffHome.jsx';

/** @param {{me: {id: string}}} props */
export function StaffPeople({ me }) {
  const data = useWithUser(me.id, async () => {
    const everyone = await store.allRows('user');
    return { staff: everyone.filter((u) => u.is_staff), others: everyone.filter((u) => !u.is_staff),
      approvers: await plansStore.planApprovers() };
  });
  const [adding, setAdding] = useState('');
  if (!data) return <main class="page"><Loading /></main>;
  if (!isAdmin(data.user)) return <OnlyStaff />;
  const fail = (/** @type {unknown} */ err) => console.error(err);

  return (
    <main class="page" data-testid="staff-people">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('people.title')}</h1>
      <p class="muted">{t('people.intro')}</p>
      <ul class="list spaced">
        {data.staff.map((u) => (
          <li key={u.id} class="list-item static" data-testid="staff-person">
            <span class="item-title">{u.name}</span>
            <span class="badges">
              <span class={`badge${u.is_admin ? '' : ' badge-muted'}`}>{t(u.is_admin ? 'people.admin' : 'people.staff')}</span>
              {(u.is_admin || data.approvers[u.id]) && (
                <span class="badge" data-testid="staff-approver">
                  {t('plans.approver')}{u.is_admin ? ` (${t('plans.approverAdmin')})` : ''}
                </span>
              )}
            </span>
            {u.pending && <PendingMarker />}
            {u.id !== me.id && (
              <div class="row">
                <button type="button" class="btn-secondary" onClick={() => setStaff(u.id, true, !u.is_admin).catch(fail)}>
                  {t(u.is_admin ? 'people.dropAdmin' : 'people.makeAdmin')}
                </button>
                {!u.is_admin && (
                  <button type="button" class="btn-secondary" data-testid="staff-approver-toggle"
                    onClick={() => setPlanApprover(u.id, !data.approvers[u.id]).catch(fail)}>
                    {t(data.approvers[u.id] ? 'plans.approverTake' : 'plans.approverGive')}
                  </button>
                )}
                <button type="button" class="btn-link danger" onClick={() => setStaff(u.id, false, false).catch(fail)}>
                  {t('people.dropStaff')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('people.add')}</h2>
      {data.others.length === 0 ? (
        <p class="muted">{t('people.nobodyToAdd')}</p>
      ) : (
        <form
          class="card form"
          onSubmit={(e) => {
            e.preventDefault();
            const who = adding || data.others[0].id;
            setStaff(who, true, false).then(() => setAdding(''), fail);
          }}
        >
          <p class="muted small">{t('people.addHint')}</p>
          <Field id="staff-add" label={t('people.addWho')}>
            <select id="staff-add" value={adding || data.others[0].id} onChange={(e) => setAdding(valueOf(e))}>
              {data.others.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          </Field>
          <button type="submit" class="btn-primary">{t('people.addConfirm')}</button>
        </form>
      )}
    </main>
  );
}
