/**
 * Two read-only parts of the plan's screen: the meeting schedule of the school
 * year (the network's meetings, referenced, never copied) and the versions of
 * the plan, each opened read-only.
 */
import { t } from '../i18n.js';
import { formatClock, formatDate } from '../format.js';
import { yearRange } from './planning.js';


/** @param {{meetings: Record<string, any>[], start: number}} props */
export function Schedule({ meetings, start }) {
  const [from, to] = yearRange(start);
  const year = meetings
    .filter((m) => Date.parse(m.starts_at) >= from && Date.parse(m.starts_at) < to)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at));
  return (
    <section class="card plan-section" data-testid="plan-schedule">
      <h2>{t('plans.schedule')}</h2>
      <p class="field-hint">{t('plans.scheduleHint')}</p>
      {!year.length ? (
        <p class="muted">{t('plans.scheduleNone')}</p>
      ) : (
        <ol class="plan-schedule">
          {year.map((m) => (
            <li key={m.id} class={m.status === 'cancelled' ? 'is-cancelled' : ''} data-testid="plan-meeting">
              <a href={`#/m/${m.id}`}>{m.title}</a>
              <span class="small muted"> — {formatDate(m.starts_at)}, {formatClock(m.starts_at)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * @param {{versions: Record<string, any>[], shown: Record<string, any>, networkId: string, start: number,
 *   approvedNumber: number | null}} props
 */
export function Versions({ versions, shown, networkId, start, approvedNumber }) {
  if (versions.length < 2) return null;
  return (
    <section class="card plan-section" data-testid="plan-versions">
      <h2>{t('plans.versions')}</h2>
      <ul class="list">
        {versions.map((v) => (
          <li key={v.id}>
            <a class={`list-item${v.id === shown.id ? ' is-current' : ''}`} href={`#/n/${networkId}/plan/${start}/${v.number}`}
              data-testid="plan-version" data-status={v.status} aria-current={v.id === shown.id ? 'page' : undefined}>
              <span class="item-title">{t('plans.version', { n: v.number })}</span>
              <span class="item-meta">
                {t(`plans.state.${v.status}`)}
                {v.number === approvedNumber && <> · {t('plans.inForce')}</>}
                {(v.decided_at || v.submitted_at) && <> · {formatDate(v.decided_at || v.submitted_at)}</>}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
