/**
 * The coordinator's categories: add, rename, remove (threads stay, without a
 * category). Each change is a mutation like any other: it works offline.
 */
import { useState } from 'preact/hooks';
import { addCategory, renameCategory, removeCategory, MutationError, limits } from '../../sync/index.js';
import { t } from '../i18n.js';
import { FieldError } from '../forms.jsx';

const LIMITS = limits('category.create', 'name');

/** The local mutator refused the name (its rules are the server's): say why. @param {unknown} err */
const refused = (err) => (err instanceof MutationError && err.fields?.name ? 'category' : String(err));

/** @param {{networkId: string, categories: Record<string, any>[], onDone: () => void}} props */
export function CategoryManager({ networkId, categories, onDone }) {
  const [fresh, setFresh] = useState('');
  const [error, setError] = useState('');

  /** @param {Event} e */
  const add = async (e) => {
    e.preventDefault();
    setError('');
    try {
      await addCategory(networkId, fresh.trim());
      setFresh('');
    } catch (err) {
      setError(refused(err));
    }
  };

  return (
    <div class="card form" data-testid="category-manager">
      <h2 class="form-title">{t('forum.categories')}</h2>
      <ul class="list">
        {categories.map((c) => <CategoryRow key={c.id} category={c} />)}
      </ul>
      <form onSubmit={add}>
        <label for="cat-new">{t('forum.newCategory')}</label>
        <input id="cat-new" type="text" value={fresh} maxLength={LIMITS.max} data-testid="category-new"
          onInput={(e) => setFresh(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
        <FieldError error={error === 'category' ? t('forum.categoryLength', LIMITS) : error} />
        <div class="row">
          <button type="submit" class="btn-primary" data-testid="category-add">{t('forum.addCategory')}</button>
          <button type="button" class="btn-secondary" onClick={onDone}>{t('common.close')}</button>
        </div>
      </form>
    </div>
  );
}

/** @param {{category: Record<string, any>}} props */
function CategoryRow({ category }) {
  const [name, setName] = useState(category.name);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  const save = async () => {
    setError('');
    if (name.trim() === category.name) return;
    await renameCategory(category.id, name.trim()).catch((err) => setError(refused(err)));
  };
  return (
    <li class="cat-row" data-testid="category-row">
      <input type="text" value={name} maxLength={LIMITS.max} aria-label={t('forum.categoryName')}
        onInput={(e) => setName(/** @type {HTMLInputElement} */ (e.currentTarget).value)} onBlur={save}
        data-testid="category-name" />
      {asking ? (
        <span class="row">
          <button type="button" class="btn-danger" data-testid="category-remove-yes" onClick={() => removeCategory(category.id)}>
            {t('forum.removeCategoryYes')}
          </button>
          <button type="button" class="btn-secondary" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
        </span>
      ) : (
        <button type="button" class="btn-secondary danger" data-testid="category-remove" onClick={() => setAsking(true)}>
          {t('forum.removeCategory')}
        </button>
      )}
      <FieldError error={error === 'category' ? t('forum.categoryLength', LIMITS) : error} />
    </li>
  );
}
