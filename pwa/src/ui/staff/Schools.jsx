/**
 * #/staff/schools — the Poradnia's list of schools: search, add, edit.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { useWithUser } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading, PendingMarker } from '../bits.jsx';
import { isStaff } from '../rights.js';
import { OnlyStaff } from './StaffHome.jsx';
import { SchoolForm } from './SchoolForm.jsx';
import { findSchools } from '../profile/SchoolPicker.jsx';
import { valueOf } from '../forms.jsx';

/** Above this many schools the list gets a search field. */
const SEARCH_FROM = 8;

/** @param {{me: {id: string}}} props */
export function Schools({ me }) {
  const data = useWithUser(me.id, async () => ({ schools: await store.allRows('school') }));
  const [editing, setEditing] = useState(/** @type {string|null} */ (null)); // a school's id, or 'new'
  const [query, setQuery] = useState('');
  if (!data) return <main class="page"><Loading /></main>;
  if (!isStaff(data.user)) return <OnlyStaff />;
  const byTown = findSchools(data.schools, query).sort(
    (a, b) => store.collator.compare(a.town || '', b.town || '') || store.collator.compare(a.name, b.name),
  );
  return (
    <main class="page" data-testid="schools">
      <BackLink href="#/staff" label={t('staff.title')} />
      <h1>{t('schools.title')}</h1>
      <p class="muted">{t('schools.count', { n: data.schools.length })}</p>
      {editing === 'new' ? (
        <SchoolForm onDone={() => setEditing(null)} />
      ) : (
        <button type="button" class="btn-primary btn-block" onClick={() => setEditing('new')} data-testid="school-add">
          + {t('schools.add')}
        </button>
      )}
      {data.schools.length > SEARCH_FROM && (
        <input type="search" class="list-search" placeholder={t('profile.schoolSearch')} aria-label={t('profile.schoolSearch')}
          value={query} onInput={(e) => setQuery(valueOf(e))} data-testid="schools-search" />
      )}
      <ul class="list spaced">
        {byTown.map((s) =>
          editing === s.id ? (
            <li key={s.id}>
              <SchoolForm school={s} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s.id} class="list-item static" data-testid="school-item">
              <span class="item-title">{s.name}</span>
              <span class="item-meta">
                {s.town}{s.kind ? ` · ${s.kind}` : ''}{s.rspo ? ` · RSPO ${s.rspo}` : ''}
              </span>
              {s.pending && <PendingMarker />}
              <button type="button" class="btn-link" onClick={() => setEditing(s.id)} data-testid="school-edit">
                {t('schools.edit')}
              </button>
            </li>
          ),
        )}
      </ul>
    </main>
  );
}
