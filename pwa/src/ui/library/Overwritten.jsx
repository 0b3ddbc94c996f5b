/**
 * Her edit of a practice overwritten by someone else's later one (store/overwritten.js):
 * both versions, "Przywróć moją wersję" (a new resource.update with hers) or
 * "Zostaw tę wersję".
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { updateResource } from '../../sync/index.js';
import { addWords, t } from '../i18n.js';
import { formatTime } from '../format.js';
import { PostBody } from '../forum/PostParts.jsx';
import { overwrittenWords } from './overwrittenWords.js';
import './overwritten.css';

addWords(overwrittenWords);

/** @param {any} a @param {any} b */
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What of hers differs from the row now (nothing: no longer overwritten).
 * @param {Record<string, any>} resource @param {import('../../store/overwritten.js').Overwritten} kept
 */
export function differing(resource, kept) {
  return Object.fromEntries(Object.entries(kept.mine).filter(([k, v]) => !same(resource[k], v)));
}

/** @param {{title: string, description: string, tags?: string[], heading: string, testid: string}} props */
function Version({ title, description, tags, heading, testid }) {
  return (
    <section class="overwritten-version" data-testid={testid}>
      <h3>{heading}</h3>
      <p class="overwritten-title">{title}</p>
      {(tags || []).length > 0 && <p class="item-meta tags">{(tags || []).map((x) => `#${x}`).join(' ')}</p>}
      {description ? <PostBody body={description} /> : <p class="muted small">{t('overwritten.noDescription')}</p>}
    </section>
  );
}

/**
 * @param {{resource: Record<string, any>, kept: import('../../store/overwritten.js').Overwritten,
 *   names: Map<string, string>, mayEdit: boolean}} props
 */
export function Overwritten({ resource, kept, names, mayEdit }) {
  const [busy, setBusy] = useState(false);
  const changes = differing(resource, kept);
  if (!Object.keys(changes).length) return null;
  const name = names.get(kept.by) || t('overwritten.someone');
  const done = async (/** @type {boolean} */ restore) => {
    setBusy(true);
    try {
      if (restore) await updateResource(resource.id, changes);
      await store.forgetOverwritten(resource.id);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card overwritten" role="status" data-testid="overwritten" aria-labelledby="overwritten-heading">
      <h2 id="overwritten-heading">{t('overwritten.heading', { name })}</h2>
      <p class="small">{t('overwritten.intro', { name })}</p>
      <Version testid="overwritten-theirs" heading={t('overwritten.theirs', { name, time: formatTime(kept.at) })}
        title={resource.title} description={resource.description} tags={'tags' in changes ? resource.tags : undefined} />
      <Version testid="overwritten-mine" heading={t('overwritten.mine', { time: formatTime(kept.mine_at) })}
        title={kept.mine.title} description={kept.mine.description} tags={'tags' in changes ? kept.mine.tags : undefined} />
      <div class="overwritten-actions">
        {mayEdit && (
          <button type="button" class="btn-primary" disabled={busy} data-testid="overwritten-restore" onClick={() => done(true)}>
            {t('overwritten.restore')}
          </button>
        )}
        <button type="button" class="btn-secondary" disabled={busy} data-testid="overwritten-keep" onClick={() => done(false)}>
          {t('overwritten.keep')}
        </button>
      </div>
    </section>
  );
}
