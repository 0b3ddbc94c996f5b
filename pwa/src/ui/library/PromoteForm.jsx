/**
 * "Dodaj do dobrych praktyk" under a post: a title and how to find it; the
 * post's text is the description unless she writes one, and its files go
 * along (the server copies them).
 */
import { useState } from 'preact/hooks';
import { promotePost } from '../../sync/index.js';
import { FieldError, refusal } from '../forms.jsx';
import { go } from '../hooks.js';
import { t } from '../i18n.js';
import { ResourceFields, resourceArgs } from './ResourceFields.jsx';

/** @param {{post: Record<string, any>, onDone: () => void}} props */
export function PromoteForm({ post, onDone }) {
  const [v, setV] = useState({ title: '', description: '', tags: '', school_level: '', subject: '' });
  const [errors, setErrors] = useState(/** @type {Record<string, string>} */ ({}));

  /** @param {Event} e */
  const submit = async (e) => {
    e.preventDefault();
    const args = resourceArgs(v);
    setErrors({});
    let id;
    try {
      id = await promotePost(post.id, { ...args, description: args.description || undefined });
    } catch (err) {
      return setErrors(refusal(err));
    }
    onDone();
    go(`#/r/${id}`);
  };

  return (
    <form class="card form promote" onSubmit={submit} noValidate data-testid="promote-form">
      <h3 class="form-title">{t('library.promoteTitle')}</h3>
      <ResourceFields v={v} set={(f, value) => setV({ ...v, [f]: value })} errors={errors} prefix={`pr-${post.id}`}
        descriptionHint={t('library.promoteDescriptionHint')} />
      <FieldError error={errors.form} />
      <div class="row">
        <button type="submit" class="btn-primary" data-testid="promote-submit">{t('library.promoteSubmit')}</button>
        <button type="button" class="btn-secondary" onClick={onDone}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
