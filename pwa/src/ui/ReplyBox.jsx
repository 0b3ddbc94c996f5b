/**
 * The reply box under a thread. What she types is saved on the device as she
 * types; "Wyślij" turns it into a post at once, online or not.
 */
import { useRef, useState } from 'preact/hooks';
import { reply, BODY_MAX } from '../sync/index.js';
import { useDraft } from './hooks.js';
import { t } from './i18n.js';
import { FieldError } from './bits.jsx';

/** @param {{threadId: string, offline: boolean}} props */
export function ReplyBox({ threadId, offline }) {
  const [text, setText, clear] = useDraft(`reply:${threadId}`);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** @type {{current: HTMLTextAreaElement | null}} */
  const input = useRef(null);

  /** @param {Event} e */
  const send = async (e) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return setError('required');
    if (body.length > BODY_MAX) return setError('too_long');
    setError('');
    setBusy(true);
    try {
      await reply(threadId, body);
      clear();
      input.current?.focus();
    } catch (err) {
      setError(t('write.failed', { message: String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reply card form" onSubmit={send} data-testid="reply-form">
      <label for="reply-input">{t('thread.replyLabel')}</label>
      <textarea
        id="reply-input"
        ref={input}
        rows={4}
        placeholder={t('thread.replyPlaceholder')}
        value={text}
        onInput={(e) => setText(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value)}
        data-testid="reply-input"
      />
      <FieldError error={error} max={BODY_MAX} />
      {offline && (
        <p class="hint" data-testid="offline-hint">
          {t('thread.offlineHint')}
        </p>
      )}
      <button type="submit" class="btn-primary wide" disabled={busy} data-testid="reply-send">
        {t('thread.send')}
      </button>
    </form>
  );
}
