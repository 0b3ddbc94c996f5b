/**
 * The coordinator's view of who belongs: requests to join (accept or
 * decline), the members with their roles (remove), and former ones.
 */
import { useState } from 'preact/hooks';
import { decideMember } from '../../sync/index.js';
import { t } from '../i18n.js';
import { formatDate } from '../format.js';
import { Confirm, PendingMarker } from '../bits.jsx';
import { SigninLink } from './SigninLink.jsx';

/** @typedef {Record<string, any>} Member a membership row with the person's `name` */

/** @param {Member} m */
const roleText = (m) =>
  m.role === 'expert' && m.expires_at ? t('role.expertUntil', { date: formatDate(m.expires_at) }) : t(`role.${m.role}`);

/**
 * @param {{network: Record<string, any>, members: Member[], readonly: boolean,
 *   requests?: Record<string, {message: string, school: string}>}} props requests: her school and words, by user id
 */
export function Members({ network, members, readonly, requests = {} }) {
  const waiting = members.filter((m) => m.status === 'pending');
  const active = members.filter((m) => m.status === 'active');
  const former = members.filter((m) => m.status !== 'pending' && m.status !== 'active');
  /** @param {'approve'|'decline'|'remove'} decision @param {Member} m */
  const decide = (decision, m) => decideMember(decision, network.id, m.user_id).catch((err) => console.error(err));

  return (
    <section data-testid="members">
      {!readonly && (
        <>
          <h2>{t('manage.waiting')}</h2>
          {waiting.length === 0 ? (
            <p class="muted">{t('manage.noWaiting')}</p>
          ) : (
            <ul class="list">
              {waiting.map((m) => (
                <li key={m.id} class="list-item static" data-testid="waiting-member" data-user-id={m.user_id}>
                  <span class="item-title">{m.name || t('manage.unknownPerson')}</span>
                  {requests[m.user_id]?.school && (
                    <span class="item-meta" data-testid="waiting-school">{requests[m.user_id].school}</span>
                  )}
                  {requests[m.user_id]?.message && (
                    <blockquote class="join-message" data-testid="waiting-message">{requests[m.user_id].message}</blockquote>
                  )}
                  <div class="row">
                    <button type="button" class="btn-primary" onClick={() => decide('approve', m)} data-testid="member-approve">
                      {t('manage.approve')}
                    </button>
                    <button type="button" class="btn-secondary" onClick={() => decide('decline', m)} data-testid="member-decline">
                      {t('manage.decline')}
                    </button>
                  </div>
                  {m.pending && <PendingMarker />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h2>
        {t('manage.members')} ({active.length})
      </h2>
      {active.length === 0 ? (
        <p class="muted">{t('manage.noMembers')}</p>
      ) : (
        <ul class="list">
          {active.map((m) => (
            <ActiveMember key={m.id} member={m} readonly={readonly} onRemove={() => decide('remove', m)} />
          ))}
        </ul>
      )}
      {former.length > 0 && (
        <details class="more">
          <summary>{t('manage.former')} ({former.length})</summary>
          <ul class="list">
            {former.map((m) => (
              <li key={m.id} class="list-item static" data-testid="former-member">
                <span class="item-title">{m.name || t('manage.unknownPerson')}</span>
                <span class="item-meta">{t(`memberStatus.${m.status}`)}</span>
                {m.pending && <PendingMarker />}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** @param {{member: Member, readonly: boolean, onRemove: () => void}} props */
function ActiveMember({ member: m, readonly, onRemove }) {
  const [asking, setAsking] = useState(false);
  const name = m.name || t('manage.unknownPerson');
  return (
    <li class="list-item static" data-testid="member" data-user-id={m.user_id}>
      <span class="member-line">
        <span class="item-title">{name}</span>
        <span class={`badge${m.role === 'coordinator' ? '' : ' badge-muted'}`} data-testid="member-role">
          {roleText(m)}
        </span>
      </span>
      {m.pending && <PendingMarker />}
      {!readonly && m.role !== 'coordinator' && !asking && (
        <button type="button" class="btn-link danger" onClick={() => setAsking(true)} data-testid="member-remove">
          {t('manage.remove')}
        </button>
      )}
      {m.role !== 'coordinator' && !asking && <SigninLink userId={m.user_id} name={name} />}
      {asking && (
        <Confirm question={t('manage.removeQuestion', { name })} yes={t('manage.removeConfirm')}
          onYes={() => { setAsking(false); onRemove(); }} onNo={() => setAsking(false)} yesTestid="member-remove-yes" />
      )}
    </li>
  );
}
