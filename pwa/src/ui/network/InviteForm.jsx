/**
 * "Zaproś e-mailem": a member or a guest expert (with her last day) by e-mail,
 * `membership.invite` through the outbox, and below the invitations still
 * waiting to be accepted (`invitation` rows). An address that already has one
 * waiting says so, and its button sends the letter again only on purpose.
 */
import { useState } from 'preact/hooks';
import { invite } from '../../sync/index.js';
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';
import { formatDate } from '../format.js';
import { Choice, Field, FormStatus, useForm, valueOf } from '../forms.jsx';

/** Today on this phone, YYYY-MM-DD. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** @param {{networkId: string, waiting: Record<string, any>[]}} props invitation rows */
export function InviteForm({ networkId, waiting }) {
  const form = useForm({ email: '', role: 'member', until: '' });
  const [queued, setQueued] = useState('');
  const { email, role, until } = form.values;
  const already = waiting.find((w) => w.email === email.trim().toLowerCase());
  const submit = form.submitter(
    (v) => {
      const args = { email: v.email.trim(), role: v.role, until: v.role === 'expert' ? v.until : undefined };
      return args;
    },
    (args) => invite(networkId, args.email, /** @type {'member'|'expert'} */ (args.role), args.until, Boolean(already)),
    (_result, args) => {
      setQueued(args.email.toLowerCase()); // as the invitation row holds it
      form.set('email', '');
    },
  );

  return (
    <section data-testid="invite">
      <form class="card form" onSubmit={submit} noValidate>
        <p class="muted small">{t('invite.intro')}</p>
        <Field id="inv-email" label={t('invite.email')} error={form.errors.email}>
          <input id="inv-email" type="email" inputMode="email" autoCapitalize="off" spellcheck={false}
            value={email} onInput={(e) => { form.set('email', valueOf(e)); setQueued(''); }} data-testid="invite-email" />
        </Field>
        {already && (
          <p class="notice" role="status" data-testid="invite-already">
            {t(already.pending ? 'invite.alreadyQueued' : 'invite.already', { date: formatDate(already.created_at) })}
          </p>
        )}
        <Choice
          name="inv-role"
          label={t('invite.role')}
          value={role}
          testid="invite-role"
          onValue={(v) => form.set('role', v)}
          options={[
            { value: 'member', label: t('invite.member'), hint: t('invite.memberHint') },
            { value: 'expert', label: t('invite.expert'), hint: t('invite.expertHint') },
          ]}
        />
        {role === 'expert' && (
          <Field id="inv-until" label={t('invite.until')} error={form.errors.until}>
            <input id="inv-until" type="date" min={today()} value={until}
              onInput={(e) => form.set('until', valueOf(e))} data-testid="invite-until" />
          </Field>
        )}
        {queued && (
          <p class="ok" role="status" data-testid="invite-queued">
            {t(waiting.some((w) => w.email === queued && !w.pending) ? 'invite.sent' : 'invite.queued', { email: queued })}
          </p>
        )}
        <FormStatus form={form} />
        <button type="submit" class="btn-primary btn-block" disabled={form.busy || already?.pending}
          data-testid="invite-send">
          {t(already ? 'invite.resend' : 'invite.send')}
        </button>
      </form>
      <h3 class="invite-waiting-title">{t('invite.waiting', { n: waiting.length })}</h3>
      {waiting.length === 0 ? (
        <p class="muted" data-testid="invite-none">{t('invite.none')}</p>
      ) : (
        <ul class="list" data-testid="invite-waiting">
          {waiting.map((w) => (
            <li key={w.id} class="list-item static" data-testid="invite-waiting-item">
              <span class="item-title invite-email">{w.email}</span>
              <span class="item-meta">
                {w.role === 'expert' && w.expert_until
                  ? t('role.expertUntil', { date: formatDate(w.expert_until) })
                  : t(`role.${w.role || 'member'}`)}
                {' · '}
                {w.pending ? t('invite.notSentYet') : t('invite.sentOn', { date: formatDate(w.created_at) })}
              </span>
              {w.pending && <PendingMarker />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
