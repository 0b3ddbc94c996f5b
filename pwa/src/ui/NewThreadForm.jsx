/**
 * "Nowy wątek": a title and the first post. Both fields are drafts kept on the
 * device while typing.
 */
import { useState } from 'preact/hooks';
import { createThread, MutationError, TITLE_MAX, BODY_MAX } from '../sync/index.js';
import { useDraft, go } from './hooks.js';
import { t } from './i18n.js';
import { FieldError } from './bits.jsx';

/** @param {{networkId: string, onDone: () => void}} props */
export function NewThreadForm({ networkId, onDone }) {
  const [title, setTitle, clearTitle] = useDraft(`thread-title:${networkId}`);
  const [body, setBody, clearBody] = useDraft(`thread-body:${networkId}`);
  const [errors, setErrors] = useState(/** @type {Record<string, string>} */ ({}));
  const [busy, setBusy] = useState(false);

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    /** @type {Record<string, string>} */
    const found = {};
    if (!title.trim()) found.title = 'required';
    else if (title.trim().length > TITLE_MAX) found.title = 'too_long';
    if (!body.trim()) found.body = 'required';
    else if (body.trim().length > BODY_MAX) found.body = 'too_long';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const id = await createThread({ networkId, title, body });
      clearTitle();
      clearBody();
      onDone();
      go(`#/t/${id}`);
    } catch (err) {
      setErrors(err instanceof MutationError && err.fields ? err.fields : { form: String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="new-thread-form">
      <h2 class="form-title">{t('network.newThread')}</h2>
      <label for="nt-title">{t('newThread.title')}</label>
      <input
        id="nt-title"
        type="text"
        maxLength={TITLE_MAX}
        value={title}
        onInput={(e) => setTitle(/** @type {HTMLInputElement} */ (e.currentTarget).value)}
        data-testid="new-thread-title"
      />
      <FieldError error={errors.title} max={TITLE_MAX} />
      <label for="nt-body">{t('newThread.body')}</label>
      <textarea
        id="nt-body"
        rows={6}
        value={body}
        onInput={(e) => setBody(/** @type {HTMLTextAreaElement} */ (e.currentTarget).value)}
        data-testid="new-thread-body"
      />
      <FieldError error={errors.body} max={BODY_MAX} />
      {errors.form && <p class="field-error">{t('write.failed', { message: errors.form })}</p>}
      <div class="row">
        <button type="submit" class="btn-primary" disabled={busy} data-testid="new-thread-submit">
          {t('newThread.submit')}
        </button>
        <button type="button" class="btn-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
