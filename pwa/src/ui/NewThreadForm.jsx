/**
 * "Nowy wątek": a title, a category, the first post (with @mentions) and
 * files. Title, category and text are drafts kept on the device while typing.
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { startThread, TITLE_MAX, BODY_MAX } from '../sync/index.js';
import { useDraft, useQuery, go } from './hooks.js';
import { t } from './i18n.js';
import { FieldError, LengthNote, refusal } from './forms.jsx';
import { MentionBox, mentionsIn } from './forum/MentionBox.jsx';
import { FilePicker } from './forum/FilePicker.jsx';

/** @param {{networkId: string, meId: string, onDone: () => void}} props */
export function NewThreadForm({ networkId, meId, onDone }) {
  const [title, setTitle, clearTitle] = useDraft(`thread-title:${networkId}`);
  const [body, setBody, clearBody] = useDraft(`thread-body:${networkId}`);
  const [categoryId, setCategoryId, clearCategory] = useDraft(`thread-category:${networkId}`);
  const [files, setFiles] = useState(/** @type {import('../store/files.js').Picked[]} */ ([]));
  const [errors, setErrors] = useState(/** @type {Record<string, string>} */ ({}));
  const [busy, setBusy] = useState(false);
  const data = useQuery(async () => {
    const [categories, members] = await Promise.all([store.categoriesOf(networkId), store.membersOf(networkId)]);
    return { categories, members: members.filter((m) => m.status === 'active' && m.user_id !== meId) };
  }, [networkId, meId]);
  const members = data?.members || [];

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    setErrors({}); // the local mutator checks the rules: its refusal lands on the fields
    setBusy(true);
    try {
      const category = data?.categories.some((c) => c.id === categoryId) ? categoryId : null;
      const id = await startThread({ networkId, title, body, categoryId: category, mentions: mentionsIn(body, members), files });
      clearTitle();
      clearBody();
      clearCategory();
      onDone();
      go(`#/t/${id}`);
    } catch (err) {
      setErrors(refusal(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card form" onSubmit={submit} noValidate data-testid="new-thread-form">
      <h2 class="form-title">{t('network.newThread')}</h2>
      <label for="nt-title">{t('newThread.title')}</label>
      <input id="nt-title" type="text" value={title} data-testid="new-thread-title"
        aria-invalid={title.trim().length > TITLE_MAX || !!errors.title}
        onInput={(e) => setTitle(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
      <LengthNote value={title} max={TITLE_MAX} error={errors.title} testid="new-thread-title-length" />
      {(data?.categories.length || 0) > 0 && (
        <>
          <label for="nt-category">{t('forum.category')}</label>
          <select id="nt-category" value={categoryId} data-testid="new-thread-category"
            onChange={(e) => setCategoryId(/** @type {HTMLSelectElement} */ (e.currentTarget).value)}>
            <option value="">{t('forum.noCategory')}</option>
            {data?.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </>
      )}
      <label for="nt-body">{t('newThread.body')}</label>
      <MentionBox id="nt-body" rows={6} value={body} onValue={setBody} members={members} testid="new-thread-body" />
      <FieldError error={errors.body} max={BODY_MAX} />
      <FilePicker id="nt-files" files={files} onFiles={setFiles} />
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
