/**
 * The request form for someone with no account (from the sign-in screen):
 * her e-mail, name and function plus the request's fields, sent straight to
 * POST /api/public/network-requests. The server mails a confirming link; the
 * request reaches the Poradnia only once she follows it. No outbox here:
 * without an account there is nobody to sync for, so it needs a connection.
 */
import { useState } from 'preact/hooks';
import { sendPublicRequest, ApiError, NetworkError, check, FUNCTIONS, PERSON } from '../../sync/index.js';
import { t } from '../i18n.js';
import { useOnline } from '../hooks.js';
import { BackLink } from '../bits.jsx';
import { Field, useForm, valueOf } from '../forms.jsx';
import { EMPTY_REQUEST, RequestFields, requestArgs } from './RequestFields.jsx';

/**
 * The server's (or the device's own check's) field errors on our fields: its top-level `name` is hers, the
 * request's own ones (its `name` is the network's) come from `request`.
 * @param {any} fields
 */
function serverFields(fields) {
  const { request, name, ...rest } = fields || {};
  const nested = request && typeof request === 'object' && !Array.isArray(request) ? request : {};
  // The device's own check names them `request.<field>`.
  const flat = Object.fromEntries(Object.entries(rest).map(([key, v]) => [key.replace(/^request\./, ''), v]));
  return { ...flat, ...(name ? { person: name } : {}), ...nested };
}

export function PublicRequest() {
  const form = useForm({ email: '', person: '', function: 'teacher', ...EMPTY_REQUEST });
  const [state, setState] = useState(/** @type {'idle'|'sending'|'sent'|'offline'} */ ('idle'));
  const [failure, setFailure] = useState('');
  const online = useOnline();
  const v = form.values;

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    const request = requestArgs(v);
    // No account, no outbox: the form's own rules (server/networks/routes.py), named as our fields.
    const found = serverFields(check('public_request', { email: v.email, name: v.person, function: v.function, request }));
    form.setErrors(found);
    setFailure('');
    if (Object.keys(found).length) return;
    if (!navigator.onLine) return setState('offline');
    setState('sending');
    try {
      await sendPublicRequest({ email: v.email, name: v.person.trim(), function: v.function, request });
      setState('sent');
    } catch (err) {
      if (err instanceof NetworkError) return setState('offline');
      setState('idle');
      if (err instanceof ApiError && err.fields) form.setErrors(serverFields(err.fields));
      setFailure(t('public.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  if (state === 'sent') {
    return (
      <main class="page narrow" data-testid="public-request">
        <h1>{t('public.title')}</h1>
        <div class="card" data-testid="public-sent">
          <p>{t('public.sent', { email: v.email.trim() })}</p>
        </div>
        <BackLink href="#/" label={t('public.back')} />
      </main>
    );
  }
  return (
    <main class="page narrow" data-testid="public-request">
      <BackLink href="#/" label={t('public.back')} />
      <h1>{t('public.title')}</h1>
      <p class="muted">{t('public.intro')}</p>
      {!online && state !== 'offline' && <p class="notice" data-testid="public-offline">{t('public.offline')}</p>}
      <form class="card form" onSubmit={submit} noValidate>
        <h2 class="form-title">{t('public.you')}</h2>
        <Field id="pr-email" label={t('public.email')} error={form.errors.email}>
          <input id="pr-email" type="email" inputMode="email" autoComplete="email" autoCapitalize="off"
            spellcheck={false} value={v.email} onInput={(e) => form.set('email', valueOf(e))} data-testid="pr-email" />
        </Field>
        <Field id="pr-person" label={t('public.name')} error={form.errors.person} limits={PERSON}>
          <input id="pr-person" type="text" autoComplete="name" maxLength={PERSON.max} value={v.person}
            onInput={(e) => form.set('person', valueOf(e))} data-testid="pr-person" />
        </Field>
        <Field id="pr-function" label={t('public.function')} error={form.errors.function}>
          <select id="pr-function" value={v.function} onChange={(e) => form.set('function', valueOf(e))}
            data-testid="pr-function">
            {FUNCTIONS.map((f) => (
              <option key={f} value={f}>{t(`function.${f}`)}</option>
            ))}
          </select>
        </Field>
        <h2 class="form-title">{t('public.request')}</h2>
        <RequestFields values={v} errors={form.errors} set={form.set} />
        {state === 'offline' && (
          <p class="notice" role="alert" data-testid="public-offline">{t('public.offline')}</p>
        )}
        {failure && <p class="field-error" role="alert">{failure}</p>}
        <button type="submit" class="btn-primary btn-block" disabled={state === 'sending'} data-testid="pr-send">
          {state === 'sending' ? t('public.sending') : t('public.send')}
        </button>
      </form>
    </main>
  );
}
