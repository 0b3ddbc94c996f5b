/**
 * "Klucze dostępu" under her profile: her passkeys (`passkey` rows), each renamed or removed
 * through the outbox; adding one is a ceremony with the device and the server, online only.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { addPasskey, passkeysSupported, PasskeyCancelled, removePasskey, renamePasskey } from '../../sync/index.js';
import { useOnline, useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { Confirm } from '../bits.jsx';
import { formatDate } from '../format.js';
import { passkeyUsedHere } from '../passkeyDevice.js';
import './passkeys.css';

const byAge = (/** @type {any} */ a, /** @type {any} */ b) => String(a.created_at).localeCompare(String(b.created_at));

export function Passkeys() {
  const list = useQuery(async () => (await store.allRows('passkey')).sort(byAge), []);
  const online = useOnline();
  const [state, setState] = useState(/** @type {''|'adding'|'added'|'failed'} */ (''));
  if (!list) return null;
  const add = async () => {
    setState('adding');
    try {
      await addPasskey();
      passkeyUsedHere();
      setState('added');
    } catch (err) {
      setState(err instanceof PasskeyCancelled ? '' : 'failed');
    }
  };
  return (
    <section class="card passkeys" data-testid="passkeys" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('passkey.title')}</h2>
      <p class="muted">{t('passkey.intro')}</p>
      {list.length === 0 && <p data-testid="passkeys-none">{t('passkey.none')}</p>}
      <ul>
        {list.map((p) => <PasskeyRow key={p.id} passkey={/** @type {any} */ (p)} />)}
      </ul>
      {state === 'added' && <p class="notice" role="status" data-testid="passkey-added">{t('passkey.added')}</p>}
      {state === 'failed' && <p class="field-error" role="alert" data-testid="passkey-failed">{t('passkey.addFailed')}</p>}
      {!passkeysSupported() ? (
        <p class="muted" data-testid="passkeys-unsupported">{t('passkey.unsupported')}</p>
      ) : online ? (
        <button type="button" class="btn-secondary btn-block" disabled={state === 'adding'} onClick={add}
          data-testid="passkey-add">
          {state === 'adding' ? t('passkey.adding') : t('passkey.add')}
        </button>
      ) : (
        <p class="muted" data-testid="passkey-add-offline">{t('passkey.addOffline')}</p>
      )}
    </section>
  );
}

/** @param {{passkey: {id: string, name: string, created_at: string, last_used_at: string|null}}} props */
function PasskeyRow({ passkey }) {
  const [mode, setMode] = useState(/** @type {''|'rename'|'remove'} */ (''));
  const [name, setName] = useState(passkey.name);
  const [error, setError] = useState('');
  /** @param {Event} e */
  const save = async (e) => {
    e.preventDefault();
    try {
      await renamePasskey(passkey.id, name.trim());
      setMode('');
      setError('');
    } catch (err) {
      setError(/** @type {any} */ (err)?.fields?.name || t('passkey.addFailed'));
    }
  };
  const used = passkey.last_used_at ? t('passkey.lastUsed', { date: formatDate(passkey.last_used_at) }) : t('passkey.neverUsed');
  return (
    <li class="passkey-row" data-testid="passkey-row">
      {mode === 'rename' ? (
        <form class="passkey-rename" onSubmit={save} noValidate>
          <label for={`passkey-name-${passkey.id}`}>{t('passkey.name')}</label>
          <input id={`passkey-name-${passkey.id}`} type="text" maxLength={60} value={name} data-testid="passkey-name"
            onInput={(e) => setName(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
          {error && <p class="field-error" role="alert">{error}</p>}
          <div class="row">
            <button type="submit" class="btn-primary" data-testid="passkey-name-save">{t('passkey.save')}</button>
            <button type="button" class="btn-secondary" onClick={() => setMode('')}>{t('common.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <div class="passkey-what">
            <strong data-testid="passkey-row-name">{passkey.name}</strong>
            <div class="muted">{t('passkey.createdAt', { date: formatDate(passkey.created_at) })} · {used}</div>
          </div>
          <div class="passkey-actions">
            <button type="button" class="btn-ghost" data-testid="passkey-rename" onClick={() => setMode('rename')}>
              {t('passkey.rename')}
            </button>
            <button type="button" class="btn-ghost" data-testid="passkey-remove" onClick={() => setMode('remove')}>
              {t('passkey.remove')}
            </button>
          </div>
        </>
      )}
      {mode === 'remove' && (
        <Confirm question={t('passkey.removeQuestion', { name: passkey.name })} yes={t('passkey.removeYes')}
          yesTestid="passkey-remove-yes" onNo={() => setMode('')} onYes={() => removePasskey(passkey.id)} />
      )}
    </li>
  );
}
