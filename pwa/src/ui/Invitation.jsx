/**
 * "Zaproszenie do sieci" for someone with no account: the server sent her
 * here (/?invite=<token>). She gives her name, POST /api/auth/invite makes
 * the account, adds her to the network and signs her in; then the network opens.
 */
import { useState } from 'preact/hooks';
import { acceptInvitation, ApiError, NetworkError } from '../sync/index.js';
import { PERSON, textError } from '../sync/rules.js';
import { t } from './i18n.js';
import { Field, valueOf } from './forms.jsx';

/** @param {{token: string, onDone: (networkId: string) => void, onInvalid: () => void}} props */
export function Invitation({ token, onDone, onInvalid }) {
  const [name, setName] = useState('');
  const [error, setError] = useState(/** @type {any} */ (null));
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    const wrong = textError(name, PERSON);
    setError(wrong);
    setNotice('');
    if (wrong) return;
    setBusy(true);
    try {
      onDone(await acceptInvitation(token, name));
    } catch (err) {
      if (err instanceof NetworkError) setNotice(t('invitation.offline'));
      else if (err instanceof ApiError && (err.status === 410 || err.code === 'invite_invalid')) onInvalid();
      else if (err instanceof ApiError && /** @type {any} */ (err.fields)?.name) setError(/** @type {any} */ (err.fields).name);
      else setNotice(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page narrow" data-testid="invitation">
      <div class="hero">
        <img src="/icons/icon-192.png" alt="" width="72" height="72" />
        <h1>{t('invitation.title')}</h1>
      </div>
      <form class="card form" onSubmit={submit} noValidate>
        <p>{t('invitation.intro')}</p>
        <Field id="inv-name" label={t('invitation.name')} error={error} limits={PERSON}>
          <input id="inv-name" type="text" autoComplete="name" maxLength={PERSON.max} value={name}
            onInput={(e) => setName(valueOf(e))} data-testid="invitation-name" />
        </Field>
        {notice && <p class="notice" role="alert" data-testid="invitation-notice">{notice}</p>}
        <button type="submit" class="btn-primary btn-block" disabled={busy} data-testid="invitation-accept">
          {busy ? t('invitation.joining') : t('invitation.accept')}
        </button>
      </form>
    </main>
  );
}
