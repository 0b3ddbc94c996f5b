/**
 * Choosing her school from the Poradnia's list (`school` rows): the chosen
 * one with "Zmień", or a search by name or town with a short list of matches
 * as large buttons — a long <select> of every school is no fun on a phone.
 */
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { valueOf } from '../forms.jsx';
import { fold } from '../../store/folding.js';

const SHOWN = 8;

/**
 * The schools whose name and town hold every word of the query, diacritics aside.
 * @param {Record<string, any>[]} schools @param {string} query
 */
export function findSchools(schools, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return schools.filter((s) => words.every((w) => fold(`${s.name} ${s.town}`).includes(w)));
}

/**
 * @param {{schools: Record<string, any>[], value: string|null, onValue: (id: string|null) => void}} props
 */
export function SchoolPicker({ schools, value, onValue }) {
  const chosen = schools.find((s) => s.id === value) || null;
  const [searching, setSearching] = useState(!chosen);
  const [query, setQuery] = useState('');

  if (chosen && !searching) {
    return (
      <div class="picked" data-testid="school-picked">
        <span>
          <strong>{chosen.name}</strong>
          <span class="item-meta"> · {chosen.town}</span>
        </span>
        <button type="button" class="btn-secondary" onClick={() => setSearching(true)} data-testid="school-change">
          {t('profile.schoolChange')}
        </button>
      </div>
    );
  }
  if (schools.length === 0) return <p class="muted">{t('profile.schoolsLater')}</p>;
  const matches = findSchools(schools, query).slice(0, SHOWN);
  return (
    <div class="picker">
      <input
        id="profile-school"
        type="search"
        placeholder={t('profile.schoolSearch')}
        value={query}
        onInput={(e) => setQuery(valueOf(e))}
        data-testid="school-search"
      />
      {matches.length === 0 ? (
        <p class="muted small">{t('profile.schoolNone')}</p>
      ) : (
        <ul class="list picker-list">
          {matches.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                class={`list-item pick${s.id === value ? ' is-on' : ''}`}
                onClick={() => {
                  onValue(s.id);
                  setSearching(false);
                  setQuery('');
                }}
                data-testid="school-option"
              >
                <span class="item-title">{s.name}</span>
                <span class="item-meta">{s.town}{s.kind ? ` · ${s.kind}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
