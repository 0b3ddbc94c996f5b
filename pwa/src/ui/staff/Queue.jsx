/**
 * The staff's request queue: waiting requests with their justification, each
 * approved with a coordinator chosen from the staff (`network_request.approve`)
 * or rejected with a reason (`network_request.reject`). Decided ones below.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { approveRequest, rejectRequest, MutationError, REASON } from '../../sync/index.js';
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { formatTime } from '../format.js';
import { BackLink, Loading, PendingMarker, PlainText } from '../bits.jsx';
import { Field, FieldError, valueOf } from '../forms.jsx';
import { isStaff } from '../rights.js';
import { RequestStatus } from '../requests/MyRequests.jsx';
import { OnlyStaff } from './StaffHome.jsx';

/** @param {{me: {id: string}}} props */
export function Queue({ me }) {
  const data = useWithUser(me.id, async () => {
    const [queue, staff, names] = await Promise.all([store.requestQueue(), store.staffPeople(), store.userNames()]);
    return { ...queue, staff, names };
  });
  if (!data) return <main class="page"><Loading /></main>;
  if (!isStaff(data.user)) return <OnlyStaff />;
  return (
    <main class="page" data-testid="queue">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('queue.title')}</h1>
      {data.waiting.length === 0 ? (
        <p class="muted">{t('queue.none')}</p>
      ) : (
        <ul class="list spaced">
          {data.waiting.map((r) => (
            <QueueItem key={r.id} request={r} me={me} staff={data.staff} requester={data.names.get(r.requester_id)} />
          ))}
        </ul>
      )}
      {data.decided.length > 0 && (
        <details class="more">
          <summary>{t('queue.decided')} ({data.decided.length})</summary>
          <ul class="list spaced">
            {data.decided.map((r) => (
              <li key={r.id} class="list-item static" data-testid="decided-item">
                <span class="item-title">{r.name}</span>
                <span class="badges"><RequestStatus request={r} /></span>
                {r.reason && <span class="item-meta">{t('requests.reason', { reason: r.reason })}</span>}
                {r.pending && <PendingMarker />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </main>
  );
}

/**
 * @param {{request: Record<string, any>, me: {id: string}, staff: Record<string, any>[],
 *   requester: string|undefined}} props
 */
function QueueItem({ request: r, me, staff, requester }) {
  const [mode, setMode] = useState(/** @type {'idle'|'approve'|'reject'} */ ('idle'));
  const [coordinator, setCoordinator] = useState(me.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState(/** @type {string|null} */ (null));

  /** @param {Event} e */
  const approve = (e) => {
    e.preventDefault();
    approveRequest(r.id, coordinator).catch((err) => setError(String(err)));
  };
  /** @param {Event} e */
  const reject = (e) => {
    e.preventDefault();
    setError(null);
    rejectRequest(r.id, reason.trim()).catch((err) => setError(err instanceof MutationError && err.fields ? err.fields.reason : String(err)));
  };

  return (
    <li class="card request-card" data-testid="queue-item" data-request-id={r.id}>
      <p class="item-title">{r.name}</p>
      <p class="item-meta">
        {t(`kind.${r.kind}`)} · {r.topic} · {t(`recruitment.${r.recruitment}`)}
      </p>
      <p class="item-meta">{t('queue.expected', { n: r.expected_members })}</p>
      <p class="item-meta">
        {t('requests.sentAt', { time: formatTime(r.created_at) })}
        {requester && ` · ${t('queue.by', { name: requester })}`}
      </p>
      <PlainText text={r.justification} testid="queue-justification" />
      {mode === 'idle' && (
        <div class="row">
          <button type="button" class="btn-primary" onClick={() => setMode('approve')} data-testid="queue-approve">
            {t('queue.approve')}
          </button>
          <button type="button" class="btn-secondary" onClick={() => setMode('reject')} data-testid="queue-reject">
            {t('queue.reject')}
          </button>
        </div>
      )}
      {mode === 'approve' && (
        <form class="form confirm" onSubmit={approve}>
          <Field id={`co-${r.id}`} label={t('queue.coordinator')}>
            <select id={`co-${r.id}`} value={coordinator} onChange={(e) => setCoordinator(valueOf(e))}
              data-testid="queue-coordinator">
              {staff.map((u) => (
                <option key={u.id} value={u.id}>{u.id === me.id ? t('queue.me', { name: u.name }) : u.name}</option>
              ))}
            </select>
          </Field>
          <FieldError error={error} />
          <div class="row">
            <button type="submit" class="btn-primary" data-testid="queue-approve-confirm">{t('queue.approveConfirm')}</button>
            <button type="button" class="btn-secondary" onClick={() => setMode('idle')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {mode === 'reject' && (
        <form class="form confirm" onSubmit={reject}>
          <Field id={`why-${r.id}`} label={t('queue.reason')} hint={t('queue.reasonHint')} error={error} limits={REASON}>
            <textarea id={`why-${r.id}`} rows={3} maxLength={REASON.max} value={reason}
              onInput={(e) => setReason(valueOf(e))} data-testid="queue-reason" />
          </Field>
          <div class="row">
            <button type="submit" class="btn-danger" data-testid="queue-reject-confirm">{t('queue.rejectConfirm')}</button>
            <button type="button" class="btn-secondary" onClick={() => setMode('idle')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
    </li>
  );
}
