/**
 * "Zaproszenie do sieci": the screen an invitation's link (/auth/invite/<token>)
 * opens. Opening it changes nothing (a mail scanner may fetch the link first);
 * it names the network and, for someone with no account, asks her name. Her
 * tap posts POST /api/auth/invite: the server runs `invitation.accept`, signs
 * her in, and the network opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { acceptInvitation, invitationInfo, ApiError, NetworkError, PERSON, check } from '../sync/index.js';
import { t } from './i18n.js';
import { Loading } from './bits.jsx';
import { Field, valueOf } from './forms.jsx';

/** @typedef {import('../sync/index.js').InvitationInfo} InvitationInfo */

/** @param {{token: string, onDone: (networkId: string) => void, onInvalid: () => void}} props */
export function Invitation({ token, onDone, onInvalid }) {
  const [info, setInfo] = useState(/** @type {InvitationInfo|null|'offline'} */ (null));
  const [name, setName] = useState('');
  const [error, setError] = useState(/** @type {any} */ (null));
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const load = () => {
    setInfo(null);
    invitationInfo(token).then(setInfo, (err) => {
      if (err instanceof ApiError && err.status === 410) onInvalid();
      else setInfo('offline');
    });
  };
  useEffect(load, [token]);

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    if (!info || info === 'offline') return;
    const wrong = info.has_account ? null : check('invitation.accept', { token, name }).name || null;
    setError(wrong);
    setNotice('');
    if (wrong) return;
    setBusy(true);
    try {
      onDone(await acceptInvitation(token, info.has_account ? undefined : name));
    } catch (err) {
      if (err instanceof NetworkError) setNotice(t('invitation.offline'));
      else if (err instanceof ApiError && err.status === 410) onInvalid();
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
      {info === null ? (
        <Loading />
      ) : info === 'offline' ? (
        <div class="card">
          <p class="notice" role="alert" data-testid="invitation-notice">{t('invitation.offline')}</p>
          <button type="button" class="btn-secondary btn-block" onClick={load}>{t('invitation.retry')}</button>
        </div>
      ) : (
        <form class="card form" onSubmit={submit} noValidate>
          <p data-testid="invitation-for">{t('invitation.for', { network: info.network.name, email: info.email })}</p>
          {info.role === 'expert' && <p class="muted">{t('invitation.expert')}</p>}
          {info.has_account ? (
            <p>{t('invitation.tap')}</p>
          ) : (
            <>
              <p>{t('invitation.nameIntro')}</p>
              <Field id="inv-name" label={t('invitation.name')} error={error} limits={PERSON}>
                <input id="inv-name" type="text" autoComplete="name" maxLength={PERSON.max} value={name}
                  onInput={(e) => setName(valueOf(e))} data-testid="invitation-name" />
              </Field>
            </>
          )}
          {notice && <p class="notice" role="alert" data-testid="invitation-notice">{notice}</p>}
          <button type="submit" class="btn-primary btn-block" disabled={busy} data-testid="invitation-accept">
            {busy ? t('invitation.joining') : t('invitation.accept')}
          </button>
        </form>
      )}
    </main>
  );
}
