/**
 * "Zaproś e-mailem": a member or a guest expert (with her last day) by e-mail,
 * `membership.invite` through the outbox. The invitation changes no row on
 * the device, so the ones not yet sent are listed from the outbox.
 */
import { useState } from 'preact/hooks';
import { invite, inviteErrors } from '../../sync/index.js';
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';
import { Choice, Field, FormStatus, useForm, valueOf } from '../forms.jsx';

/** Today on this phone, YYYY-MM-DD. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** @param {{networkId: string, waiting: {email: string, role: string}[]}} props */
export function InviteForm({ networkId, waiting }) {
  const form = useForm({ email: '', role: 'member', until: '' });
  const [queued, setQueued] = useState('');
  const { email, role, until } = form.values;
  const submit = form.submitter(
    (v) => {
      const args = { email: v.email.trim(), role: v.role, until: v.role === 'expert' ? v.until : undefined };
      return [args, inviteErrors(args, today())];
    },
    (args) => invite(networkId, args.email, /** @type {'member'|'expert'} */ (args.role), args.until),
    (_result, args) => {
      setQueued(args.email);
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
        {queued && <p class="ok" role="status" data-testid="invite-queued">{t('invite.queued', { email: queued })}</p>}
        <FormStatus form={form} />
        <button type="submit" class="btn-primary btn-block" disabled={form.busy} data-testid="invite-send">
          {t('invite.send')}
        </button>
      </form>
      {waiting.length > 0 && (
        <ul class="list" data-testid="invite-waiting">
          {waiting.map((w, i) => (
            <li key={`${w.email}-${i}`} class="list-item static">
              <span class="item-title">{w.email}</span>
              <span class="item-meta">{t(`role.${w.role || 'member'}`)}</span>
              <PendingMarker />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
