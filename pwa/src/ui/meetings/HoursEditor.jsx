/**
 * For the coordinator: who attended and for how many hours (the meeting's
 * length to the quarter), each one's hours corrected when she came late or
 * left early, and put back to the meeting's length. The local mutator checks
 * the server's rules (0 to 12, in quarters) and its refusal lands on the row.
 */
import { useState } from 'preact/hooks';
import { correctHours, MutationError } from '../../sync/index.js';
import { t } from '../i18n.js';
import { FieldError } from '../forms.jsx';
import { PendingMarker } from '../bits.jsx';
import { MEETING_RULES } from './rules.js';

/** "1,75" for Polish, "1.75" for English. @param {number} hours */
const shown = (hours) => String(hours).replace('.', t('meetingHours.decimal'));

/**
 * @param {{meetingId: string, people: Record<string, any>[], attendance: Map<string, Record<string, any>>}} props
 */
export function HoursEditor({ meetingId, people, attendance }) {
  const listed = people.filter((p) => attendance.get(p.user_id)?.present || attendance.get(p.user_id)?.hours_corrected);
  return (
    <details class="more card hours" data-testid="hours">
      <summary>{t('meetingHours.heading', { n: listed.length })}</summary>
      <p class="field-hint">{t('meetingHours.hint')}</p>
      {listed.length === 0 ? (
        <p class="muted">{t('meetingHours.none')}</p>
      ) : (
        <ul class="list">
          {listed.map((p) => (
            <HoursRow key={`${p.user_id}:${attendance.get(p.user_id)?.hours}`} meetingId={meetingId} person={p} row={/** @type {Record<string, any>} */ (attendance.get(p.user_id))} />
          ))}
        </ul>
      )}
    </details>
  );
}

/** @param {{meetingId: string, person: Record<string, any>, row: Record<string, any>}} props */
function HoursRow({ meetingId, person, row }) {
  const [value, setValue] = useState(shown(row.hours));
  const [error, setError] = useState(/** @type {any} */ (null));
  /** @param {number|null} hours */
  const save = (hours) => {
    setError(null);
    correctHours(meetingId, person.user_id, hours).then(
      () => hours === null && setValue(''),
      (err) => setError(err instanceof MutationError && err.fields ? err.fields.hours : String(err)),
    );
  };
  const typed = value.trim().replace(',', '.');
  return (
    <li class="list-item static hours-row" data-testid="hours-row" data-user-id={person.user_id}>
      <span class="item-title">{person.name}</span>
      <span class="item-meta">
        {row.hours_corrected ? t('meetingHours.corrected', { hours: shown(row.hours) }) : t('meetingHours.full', { hours: shown(row.hours) })}
        {row.pending && <> <PendingMarker /></>}
      </span>
      <div class="row hours-edit">
        <input type="text" inputMode="decimal" class="short" value={value} aria-label={t('meetingHours.input', { name: person.name })}
          data-testid="hours-input" onInput={(e) => setValue(/** @type {HTMLInputElement} */ (e.currentTarget).value)} />
        <button type="button" class="btn-secondary" data-testid="hours-save"
          onClick={() => save(/^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : /** @type {any} */ (typed))}>
          {t('meetingHours.save')}
        </button>
        {row.hours_corrected && (
          <button type="button" class="btn-link" data-testid="hours-reset" onClick={() => save(null)}>{t('meetingHours.reset')}</button>
        )}
      </div>
      <FieldError error={error} min={0} max={MEETING_RULES.maxHours} />
    </li>
  );
}
