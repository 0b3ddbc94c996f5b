/**
 * The subjects she teaches as chips: type one, "Dodaj", tap ✕ to remove.
 */
import { useState } from 'preact/hooks';
import { SUBJECT, SUBJECTS_MAX, check } from '../../sync/index.js';
import { t } from '../i18n.js';
import { FieldError, valueOf } from '../forms.jsx';

/** @param {{value: string[], onValue: (list: string[]) => void}} props */
export function SubjectChips({ value, onValue }) {
  const [text, setText] = useState('');
  const [error, setError] = useState(/** @type {string|null} */ (null));

  const add = () => {
    const subject = text.trim();
    const wrong = subject ? check('profile.update', { subjects: [...value, subject] }).subjects || null : 'required';
    setError(wrong);
    if (wrong) return;
    if (!value.some((s) => s.toLowerCase() === subject.toLowerCase())) onValue([...value, subject]);
    setText('');
  };

  return (
    <div class="chips-field">
      {value.length > 0 && (
        <ul class="subject-chips" data-testid="subjects">
          {value.map((s) => (
            <li key={s} class="subject-chip" data-testid="subject-chip">
              <span>{s}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('profile.subjectRemove', { name: s })}
                onClick={() => onValue(value.filter((x) => x !== s))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="inline-add">
        <input
          id="profile-subject"
          type="text"
          maxLength={SUBJECT.max}
          placeholder={t('profile.subjectPlaceholder')}
          value={text}
          onInput={(e) => setText(valueOf(e))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          data-testid="subject-input"
        />
        <button type="button" class="btn-secondary" onClick={add} data-testid="subject-add">
          {t('profile.subjectAdd')}
        </button>
      </div>
      <FieldError error={error} min={SUBJECT.min} max={error === 'too_many' ? SUBJECTS_MAX : SUBJECT.max} />
    </div>
  );
}
