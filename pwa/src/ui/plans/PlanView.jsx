/**
 * #/n/<network>/plan[/<year>[/<version>]] — the network's annual work plan
 * (roczny plan pracy): its state and versions, goals, topics citing surveys,
 * tasks, the meeting schedule of the year, expected outcomes and evaluation.
 * The coordinator writes a draft and sends it; the Poradnia's approver approves
 * it or returns it with a comment; a returned or approved plan is changed as
 * a new version, every version kept and opened read-only. At the year's end
 * she writes its conclusions (for the annual report) in the version in force,
 * approved or not, with no new approval.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import * as plansStore from '../../store/plans.js';
import { amendPlan, createPlan, submitPlan } from '../../sync/plans/index.js';
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Confirm, Loading, PendingMarker, PlainText } from '../bits.jsx';
import { FieldError } from '../forms.jsx';
import { formatDate } from '../format.js';
import { SectionText } from './SectionText.jsx';
import { Topics } from './Topics.jsx';
import { Tasks } from './Tasks.jsx';
import { Decision } from './Decision.jsx';
import { Schedule, Versions } from './PlanParts.jsx';
import { planRights, refusedText, yearLabel, yearOf } from './planning.js';
import './plans.css';

/** @param {{me: {id: string}, networkId: string, year?: string, version?: string}} props */
export function PlanView({ me, networkId, year, version }) {
  const data = useWithUser(me.id, async () => {
    const [network, membership, approvers, plans, people, surveys, meetings] = await Promise.all([
      store.getRow('network', networkId), store.membershipIn(me.id, networkId), plansStore.planApprovers(),
      plansStore.plansOf(networkId), store.participantsOf(networkId), store.surveysOf(networkId, me.id),
      store.meetingsOf(networkId),
    ]);
    const start = Number(year) || yearOf(network);
    const plan = plans.find((p) => p.school_year === start) || null;
    const bundle = plan ? await plansStore.planBundle(plan.id) : null;
    return { network, membership, approvers, plans, people, surveys, meetings: [...meetings.past, ...meetings.coming],
      start, plan, bundle };
  });
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, user, approvers, plans, start, plan, bundle } = data;
  const rights = planRights(user, membership, approvers, network);
  const act = (/** @type {() => Promise<any>} */ write) => {
    setError('');
    write().then(() => setAsking(false), (err) => setError(refusedText(err)));
  };
  const header = (
    <>
      <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />
      <h1>{t('plans.heading')}</h1>
      <p class="muted lead">{t('plans.year', { year: yearLabel(start) })}</p>
      {plans.length > 1 && (
        <p class="plan-years">
          {plans.map((p) => (
            <a key={p.id} href={`#/n/${networkId}/plan/${p.school_year}`} class={p.school_year === start ? 'is-on' : ''}>
              {yearLabel(p.school_year)}
            </a>
          ))}
        </p>
      )}
    </>
  );
  if (!plan || !bundle?.versions.length) {
    return (
      <main class="page" data-testid="plan">
        {header}
        <p class="muted">{t('plans.intro')}</p>
        <p class="notice" data-testid="plan-none">{t('plans.none', { year: yearLabel(start) })}</p>
        {rights.manage && (
          <button type="button" class="btn-primary btn-block" data-testid="plan-create"
            onClick={() => act(() => createPlan(networkId, start))}>{t('plans.create')}</button>
        )}
        <FieldError error={error} />
      </main>
    );
  }
  const latest = bundle.versions[0];
  const shown = bundle.versions.find((v) => String(v.number) === version) || latest;
  const approved = bundle.versions.find((v) => v.status === 'approved');
  const isLatest = shown.id === latest.id;
  const editable = isLatest && shown.status === 'draft' && rights.manage;
  const people = data.people;
  const name = (/** @type {string | null} */ id) => people.find((p) => p.user_id === id)?.name || '';
  return (
    <main class="page" data-testid="plan" data-status={shown.status} data-version={shown.number}>
      {header}
      <section class={`card plan-state is-${shown.status}`} data-testid="plan-state">
        <p class="plan-state-line">
          <span class="badge" data-testid="plan-status">{t(`plans.state.${shown.status}`)}</span>
          <span>{t('plans.version', { n: shown.number })}</span>
          {shown.pending && <PendingMarker />}
        </p>
        {shown.submitted_at && <p class="small muted">{t('plans.sentOn', { date: formatDate(shown.submitted_at) })}</p>}
        {shown.comment && (shown.status === 'returned' || shown.status === 'approved' || shown.status === 'superseded') && (
          <div class="plan-comment" data-testid="plan-decision-comment">
            <strong>{t(shown.status === 'returned' ? 'plans.returnedComment' : 'plans.approvedComment')}</strong>
            <PlainText text={shown.comment} />
            {shown.decided_at && <p class="small muted">{t('plans.decidedOn', { date: formatDate(shown.decided_at), name: name(shown.decided_by) || shown.decided_by_name || '' })}</p>}
          </div>
        )}
        {!isLatest && (
          <p class="small" data-testid="plan-readonly">
            {t('plans.viewing', { n: shown.number })} <a href={`#/n/${networkId}/plan/${start}`}>{t('plans.showLatest')}</a>
          </p>
        )}
        {isLatest && approved && approved.id !== shown.id && (
          <p class="small">
            <a href={`#/n/${networkId}/plan/${start}/${approved.number}`} data-testid="plan-show-approved">{t('plans.showApproved')}</a>
            {' · '}{t('plans.amendNote')}
          </p>
        )}
        {isLatest && shown.status === 'submitted' && !rights.approve && <p class="small">{t('plans.submitted')}</p>}
        {isLatest && shown.status === 'submitted' && rights.coordinatesIt && rights.mayApproveElsewhere && (
          <p class="small muted">{t('plans.ownPlan')}</p>
        )}
        {editable && !asking && (
          <button type="button" class="btn-primary btn-block" data-testid="plan-submit" onClick={() => setAsking(true)}>
            {t('plans.submit')}
          </button>
        )}
        {editable && asking && (
          <Confirm question={t('plans.submitQuestion')} yes={t('plans.submit')} danger={false} yesTestid="plan-submit-yes"
            onYes={() => act(() => submitPlan(shown.id))} onNo={() => setAsking(false)} />
        )}
        {isLatest && rights.manage && (shown.status === 'returned' || shown.status === 'approved') && (
          <button type="button" class="btn-secondary btn-block" data-testid="plan-amend" onClick={() => act(() => amendPlan(shown.id))}>
            {t(shown.status === 'returned' ? 'plans.amend' : 'plans.amendApproved')}
          </button>
        )}
        <FieldError error={error} />
      </section>
      {isLatest && shown.status === 'submitted' && rights.approve && <Decision version={shown} />}
      <SectionText version={shown} name="goals" editable={editable} />
      <Topics version={shown} surveys={data.surveys} editable={editable} readsResults={rights.manage || !!user?.is_staff} />
      <Tasks version={shown} tasks={bundle.tasksOf[shown.id] || []} people={people} meId={me.id} editable={editable}
        manage={rights.manage} inForce={rights.open && (isLatest || shown.status === 'approved')} />
      <Schedule meetings={data.meetings} start={start} />
      <SectionText version={shown} name="outcomes" editable={editable} />
      <SectionText version={shown} name="evaluation" editable={editable} />
      <SectionText version={shown} name="conclusions"
        editable={rights.manage && (isLatest || shown.status === 'approved')} />
      <Versions versions={bundle.versions} shown={shown} networkId={networkId} start={start} approvedNumber={plan.approved_version} />
    </main>
  );
}
