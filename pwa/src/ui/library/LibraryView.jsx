/**
 * A network's library of good practices: filters by school level, subject and
 * tag, a search with the forum's folding ("zolw" finds "żółw"), and "Dodaj
 * praktykę" for coordinators and members. Everything works offline.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { matches, queryTerms } from '../../store/folding.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading, PendingMarker } from '../bits.jsx';
import { canStartThreads } from '../rights.js';
import { LEVELS } from './ResourceFields.jsx';
import { ResourceForm } from './ResourceForm.jsx';
import '../forum/forum.css';
import { Icon } from '../forum/Icon.jsx';

/** @param {{me: {id: string}, networkId: string}} props */
export function LibraryView({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership, resources] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
      store.resourcesOf(networkId),
    ]);
    return { network, membership, resources };
  }, [networkId, me.id]);
  const [level, setLevel] = useState('');
  const [subject, setSubject] = useState('');
  const [tag, setTag] = useState('');
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);

  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, resources } = data;
  const subjects = [...new Set(resources.map((r) => r.subject).filter(Boolean))].sort();
  const tags = [...new Set(resources.flatMap((r) => r.tags || []))].sort();
  const terms = queryTerms(q);
  const shown = resources.filter(
    (r) =>
      (!level || r.school_level === level) &&
      (!subject || r.subject === subject) &&
      (!tag || (r.tags || []).includes(tag)) &&
      (!terms.length || matches([r.title, r.description, r.subject, (r.tags || []).join(' ')].join('\n'), terms)),
  );

  return (
    <main class="page" data-testid="library">
      <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />
      <h1>{t('library.heading')}</h1>
      <p class="muted lead">{t('library.intro')}</p>
      {canStartThreads(membership, network) &&
        (adding ? (
          <ResourceForm networkId={networkId} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" class="btn-primary wide" data-testid="resource-new" onClick={() => setAdding(true)}>
            + {t('library.add')}
          </button>
        ))}
      <div class="filters card" data-testid="library-filters">
        <label for="lib-q">{t('library.search')}</label>
        <input id="lib-q" type="search" value={q} data-testid="library-search"
          onInput={(e) => setQ(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
        <label for="lib-level">{t('library.level')}</label>
        <select id="lib-level" value={level} data-testid="filter-level" onChange={(e) => setLevel(/** @type {HTMLSelectElement} */ (e.currentTarget).value)}>
          <option value="">{t('library.levelAll')}</option>
          {LEVELS.map((l) => <option key={l} value={l}>{t(`level.${l}`)}</option>)}
        </select>
        {subjects.length > 0 && (
          <>
            <label for="lib-subject">{t('library.subject')}</label>
            <select id="lib-subject" value={subject} data-testid="filter-subject" onChange={(e) => setSubject(/** @type {HTMLSelectElement} */ (e.currentTarget).value)}>
              <option value="">{t('library.subjectAll')}</option>
              {subjects.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </>
        )}
        {tags.length > 0 && (
          <div class="chips" role="group" aria-label={t('library.tags')}>
            {tags.map((x) => (
              <button key={x} type="button" class={`chip${tag === x ? ' is-on' : ''}`} aria-pressed={tag === x} data-testid="filter-tag"
                onClick={() => setTag(tag === x ? '' : x)}>#{x}</button>
            ))}
          </div>
        )}
      </div>
      {shown.length === 0 ? (
        <p class="muted" data-testid="library-empty">{resources.length ? t('library.noneMatch') : t('library.empty')}</p>
      ) : (
        <ul class="list" data-testid="resource-list">
          {shown.map((r) => (
            <li key={r.id}>
              <a class="list-item" href={`#/r/${r.id}`} data-testid="resource-item">
                <span class="item-title"><Icon name={r.kind === 'link' ? 'link' : 'file'} /> <span data-testid="resource-item-title">{r.title}</span></span>
                <span class="item-meta">
                  {[r.school_level && t(`level.${r.school_level}`), r.subject, r.attachments.length ? t('library.files', { n: r.attachments.length }) : '']
                    .filter(Boolean).join(' · ')}
                </span>
                {(r.tags || []).length > 0 && <span class="item-meta tags">{r.tags.map((/** @type {string} */ x) => `#${x}`).join(' ')}</span>}
                {r.pending && <PendingMarker />}
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
