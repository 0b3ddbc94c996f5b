/**
 * The screen the link confirming a request made with no account opens
 * (/auth/confirm-request/<token>). Opening it changes nothing (a mail scanner
 * may fetch the link first); her tap posts POST /api/auth/confirm-request:
 * the server runs `network_request.confirm` (her account, then the request)
 * and signs her in; "Moje wnioski" opens.
 */
import { useEffect, useState } from 'preact/hooks';
import { confirmRequest, requestConfirmationInfo, ApiError, NetworkError } from '../../sync/index.js';
import { t } from '../i18n.js';
import { Loading } from '../bits.jsx';

/** @param {{token: string, onDone: () => void, onInvalid: () => void}} props */
export function ConfirmRequest({ token, onDone, onInvalid }) {
  const [info, setInfo] = useState(/** @type {{email: string, request: {name: string}}|null} */ (null));
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  /** @param {unknown} err */
  const failed = (err) => {
    if (err instanceof ApiError && err.status === 410) onInvalid();
    else setNotice(err instanceof NetworkError ? t('confirm.offline') : err instanceof Error ? err.message : String(err));
  };
  const load = () => {
    setNotice('');
    requestConfirmationInfo(token).then(setInfo, failed);
  };
  useEffect(load, [token]);

  const go = async () => {
    setBusy(true);
    setNotice('');
    try {
      await confirmRequest(token);
      onDone();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page narrow" data-testid="confirm-request">
      <div class="hero">
        <img src="/icons/icon-192.png" alt="" width="72" height="72" />
        <h1>{t('confirm.title')}</h1>
      </div>
      <div class="card form">
        {info ? (
          <p data-testid="confirm-intro">{t('confirm.intro', { network: info.request.name, email: info.email })}</p>
        ) : (
          !notice && <Loading />
        )}
        {notice && <p class="notice" role="alert" data-testid="confirm-notice">{notice}</p>}
        {info ? (
          <button type="button" class="btn-primary btn-block" disabled={busy} onClick={go} data-testid="confirm-go">
            {busy ? t('confirm.going') : t('confirm.go')}
          </button>
        ) : (
          notice && <button type="button" class="btn-secondary btn-block" onClick={load}>{t('invitation.retry')}</button>
        )}
      </div>
    </main>
  );
}
