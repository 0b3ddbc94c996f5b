/**
 * "Logo poradni" on #/staff/poradnia: pick an image, see it, send it. The
 * bytes go up with the attachments' uploader, then `poradnia.update
 * {logo_sha256}`; "Usuń logo" writes `{logo_sha256: null}`. Sending needs a
 * connection, and the screen says so (sync/org/logo.js).
 */
import { useEffect, useState } from 'preact/hooks';
import { hashFile, LOGO_ACCEPT, LOGO_MAX_MB, removePoradniaLogo, setPoradniaLogo } from '../../sync/index.js';
import { useOnline } from '../hooks.js';
import { t } from '../i18n.js';
import { PendingMarker } from '../bits.jsx';
import '../logo.css';

/** @typedef {import('../../store/files.js').Picked} Picked */

const TYPES = LOGO_ACCEPT.split(',');

/** @param {{poradnia: Record<string, any>}} props */
export function LogoForm({ poradnia }) {
  const online = useOnline();
  const [picked, setPicked] = useState(/** @type {Picked|null} */ (null));
  // Sent, but the server's row (and its logo address) has not come back yet.
  const [sent, setSent] = useState(/** @type {Picked|null} */ (null));
  const arrived = !sent || (poradnia.logo_url || '').includes(sent.sha256.slice(0, 12));
  const shown = picked || (arrived ? null : sent);
  const [preview, setPreview] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  useEffect(() => {
    if (!shown) return setPreview('');
    const url = URL.createObjectURL(shown.blob);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [shown]);

  /** @param {Event} e */
  const pick = async (e) => {
    const input = /** @type {HTMLInputElement} */ (e.currentTarget);
    const file = input.files?.[0];
    input.value = '';
    setError('');
    setDone('');
    if (!file) return;
    if (!TYPES.includes(file.type)) return setError(t('logo.notImage'));
    if (file.size > LOGO_MAX_MB * 1024 * 1024) return setError(t('logo.tooLarge', { max: LOGO_MAX_MB }));
    setPicked(await hashFile(file));
  };

  const send = async () => {
    if (!picked) return;
    setBusy(true);
    setError('');
    try {
      const result = await setPoradniaLogo(picked);
      if ('ok' in result) {
        setSent(picked);
        setPicked(null);
        setDone(t('logo.saved'));
      } else if ('offline' in result) setError(t('logo.offline'));
      else if ('refused' in result) setError(result.refused || t('logo.notImage'));
      else setError(t('logo.later'));
    } catch (err) {
      setError(t('write.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setSent(null);
    setError('');
    setDone('');
    try {
      await removePoradniaLogo();
      setDone(t('logo.removed'));
    } catch (err) {
      setError(t('write.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <section class="card logo-card" data-testid="logo-form" aria-labelledby="logo-title">
      <h2 id="logo-title">{t('logo.title')}</h2>
      {picked ? (
        <>
          <p class="muted small">{t('logo.picked')}</p>
          <img class="logo-preview" src={preview || undefined} alt={picked.name} data-testid="logo-preview" />
        </>
      ) : shown ? (
        <>
          <p class="muted small">{t('logo.current')}</p>
          <img class="logo-preview" src={preview || undefined} alt={poradnia.name} data-testid="logo-current" />
        </>
      ) : poradnia.logo_url ? (
        <>
          <p class="muted small">{t('logo.current')}</p>
          <img class="logo-preview" src={poradnia.logo_url} alt={poradnia.name} data-testid="logo-current" />
        </>
      ) : (
        <p class="muted" data-testid="logo-none">{t('logo.none')}</p>
      )}
      <p class="field-hint">{t('logo.hint', { max: LOGO_MAX_MB })}</p>
      {!online && <p class="notice" data-testid="logo-offline">{t('logo.offline')}</p>}
      {error && <p class="field-error" role="alert" data-testid="logo-error">{error}</p>}
      {done && <p class="ok" role="status" data-testid="logo-done">{done}</p>}
      {poradnia.pending && <PendingMarker />}
      <div class="logo-actions">
        {picked ? (
          <>
            <button type="button" class="btn-primary" onClick={send} disabled={busy || !online} data-testid="logo-send">
              {busy ? t('logo.sending') : t('logo.send')}
            </button>
            <button type="button" class="btn-secondary" onClick={() => setPicked(null)} disabled={busy}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <>
            <label class="btn-secondary logo-pick" for="logo-input">
              {t('logo.pick')}
              <input id="logo-input" type="file" accept={LOGO_ACCEPT} onChange={pick} data-testid="logo-input" />
            </label>
            {(poradnia.logo_url || shown) && (
              <button type="button" class="btn-secondary" onClick={remove} data-testid="logo-remove">{t('logo.remove')}</button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
