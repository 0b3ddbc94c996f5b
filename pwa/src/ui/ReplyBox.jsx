/**
 * The reply box under a thread. What she types is saved on the device as she
 * types; "Wyślij" turns it into a post at once, online or not — with the post
 * she quotes, the people she mentions (@) and the files she picked.
 */
import { useRef, useState } from 'preact/hooks';
import { writeReply, BODY_MAX } from '../sync/index.js';
import { useDraft } from './hooks.js';
import { t } from './i18n.js';
import { FieldError, refusal } from './forms.jsx';
import { MentionBox, mentionsIn } from './forum/MentionBox.jsx';
import { FilePicker } from './forum/FilePicker.jsx';
import { quoteText } from './postText.js';

/**
 * @typedef {import('../store/files.js').Picked} Picked
 * @param {{threadId: string, offline: boolean, members: Record<string, any>[],
 *   quoting: {post: Record<string, any>, author: string}|null, onQuoted: () => void}} props
 */
export function ReplyBox({ threadId, offline, members, quoting, onQuoted }) {
  const [text, setText, clear] = useDraft(`reply:${threadId}`);
  const [files, setFiles] = useState(/** @type {Picked[]} */ ([]));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** @type {{current: HTMLTextAreaElement | null}} */
  const input = useRef(null);

  /** @param {Event} e */
  const send = async (e) => {
    e.preventDefault();
    const body = text.trim();
    setError('');
    setBusy(true);
    try {
      await writeReply({ threadId, body, replyTo: quoting?.post.id, mentions: mentionsIn(body, members), files });
      clear();
      setFiles([]);
      onQuoted();
      input.current?.focus();
    } catch (err) {
      const { body: refused, form } = refusal(err);
      setError(refused || t('write.failed', { message: form || String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reply card form" onSubmit={send} data-testid="reply-form">
      <label for="reply-input">{t('thread.replyLabel')}</label>
      {quoting && (
        <div class="quote quoting" data-testid="reply-quoting">
          <span class="quote-who">{t('forum.replyingTo', { name: quoting.author })}</span>
          <span class="quote-text">{quoteText(quoting.post.body, 120)}</span>
          <button type="button" class="btn-link" data-testid="reply-quote-cancel" onClick={onQuoted}>
            {t('forum.quoteCancel')}
          </button>
        </div>
      )}
      <MentionBox id="reply-input" inputRef={input} value={text} onValue={setText} members={members}
        placeholder={t('thread.replyPlaceholder')} testid="reply-input" />
      <FieldError error={error} max={BODY_MAX} />
      <FilePicker id="reply-files" files={files} onFiles={setFiles} />
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
