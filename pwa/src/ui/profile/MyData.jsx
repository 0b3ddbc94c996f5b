/**
 * "Twoje dane" under her profile (RODO): "Pobierz moje dane" (a zip of everything Krąg holds about
 * her) and "Usuń konto" (`account.delete`), after a confirmation that says what goes and what stays.
 * Both need the server now: offline they say so. A refusal (she is the only admin, or coordinates a
 * network alone) is shown as the server words it; once deleted, this device is cleared.
 */
import { useState } from 'preact/hooks';
import { deleteAccount, downloadData } from '../../sync/privacy/index.js';
import { addWords, t } from '../i18n.js';
import { Confirm } from '../bits.jsx';
import { saveBlob } from '../download.js';
import { privacyWords } from './privacyWords.js';
import './mydata.css';

addWords(privacyWords);

export function MyData() {
  const [state, setState] = useState(/** @type {{busy?: 'download'|'delete', note?: string, error?: string}} */ ({}));
  const [asking, setAsking] = useState(false);
  const [removePosts, setRemovePosts] = useState(false);
  const online = () => {
    if (navigator.onLine) return true;
    setState({ error: t('privacy.offline') });
    return false;
  };
  const download = async () => {
    if (!online()) return;
    setState({ busy: 'download' });
    try {
      const { blob, name } = await downloadData();
      saveBlob(blob, name);
      setState({ note: t('privacy.downloaded') });
    } catch (err) {
      setState({ error: err instanceof Error && navigator.onLine ? err.message : t('privacy.offline') });
    }
  };
  const remove = async () => {
    if (!online()) return;
    setState({ busy: 'delete' });
    const refused = await deleteAccount({ removePosts });
    if (refused) {
      setAsking(false);
      setState({ error: refused.message });
    }
  };
  return (
    <section class="card my-data" data-testid="my-data" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('privacy.title')}</h2>
      <p class="muted">{t('privacy.intro')}</p>
      <button type="button" class="btn-secondary btn-block" data-testid="my-data-download" disabled={!!state.busy}
        onClick={download}>
        {state.busy === 'download' ? t('privacy.downloading') : t('privacy.download')}
      </button>
      <p class="muted small">{t('privacy.downloadHint')}</p>
      {state.note && <p class="notice" role="status" data-testid="my-data-note">{state.note}</p>}
      {state.error && <p class="field-error" role="alert" data-testid="my-data-error">{state.error}</p>}
      {!asking ? (
        <button type="button" class="btn-link danger" data-testid="account-delete" onClick={() => setAsking(true)}>
          {t('privacy.delete')}
        </button>
      ) : (
        <Confirm question={t('privacy.deleteQuestion')} yes={state.busy === 'delete' ? t('privacy.deleting') : t('privacy.deleteYes')}
          yesTestid="account-delete-yes" testid="account-delete-confirm" busy={!!state.busy}
          onNo={() => { setAsking(false); setState({}); }} onYes={remove}>
          <ul class="my-data-effects">
            <li>{t('privacy.goes')}</li>
            <li>{t('privacy.postsStay')}</li>
            <li>{t('privacy.kept')}</li>
            <li><strong>{t('privacy.final')}</strong></li>
          </ul>
          <label class="check">
            <input type="checkbox" checked={removePosts} data-testid="account-delete-posts"
              onChange={(e) => setRemovePosts(/** @type {HTMLInputElement} */ (e.currentTarget).checked)} />
            <span>{t('privacy.removePosts')}</span>
          </label>
        </Confirm>
      )}
    </section>
  );
}
