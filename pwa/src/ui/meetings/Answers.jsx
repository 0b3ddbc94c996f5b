/**
 * For the coordinator: how many said they come, maybe, or not, and who; and
 * who has not answered yet.
 */
import { t } from '../i18n.js';

const GROUPS = /** @type {const} */ (['yes', 'maybe', 'no', 'none']);

/**
 * Who answered what, by group.
 * @param {Record<string, any>[]} people @param {Map<string, Record<string, any>>} rsvps
 */
export function answerGroups(people, rsvps) {
  /** @type {Record<string, string[]>} */
  const groups = { yes: [], maybe: [], no: [], none: [] };
  for (const p of people) groups[rsvps.get(p.user_id)?.answer || 'none']?.push(p.name || '—');
  return groups;
}

/** @param {{people: Record<string, any>[], rsvps: Map<string, Record<string, any>>}} props */
export function Answers({ people, rsvps }) {
  const groups = answerGroups(people, rsvps);
  return (
    <section class="card answers" data-testid="answers">
      <h2 class="form-title">{t('meetings.answers')}</h2>
      <div class="counts">
        {GROUPS.map((g) => (
          <span key={g} class={`count-box count-${g}`} data-testid={`count-${g}`}>
            <strong>{groups[g].length}</strong> {t(`meetings.count.${g}`)}
          </span>
        ))}
      </div>
      {GROUPS.map((g) => groups[g].length > 0 && (
        <details key={g} class="more" open={g === 'yes'}>
          <summary>{t(`meetings.count.${g}`)} ({groups[g].length})</summary>
          <p data-testid={`names-${g}`}>{groups[g].join(', ')}</p>
        </details>
      ))}
    </section>
  );
}
