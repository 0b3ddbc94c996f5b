/**
 * Her choices: e-mail about each network (at once, a daily or weekly digest,
 * never) and how much of the forum the phone keeps.
 */
import * as store from '../../store/index.js';
import { choicesOf, setEmailPref, setKeepAll, WINDOW_DAYS } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { isArchived } from '../rights.js';

const EMAIL = choicesOf('notification_pref.set', 'email');

/** @param {{networks: Record<string, any>[]}} props archived ones are left out: nothing new is written there */
export function EmailPrefs({ networks: all }) {
  const networks = all.filter((n) => !isArchived(n));
  const prefs = useQuery(async () => Promise.all(networks.map((n) => store.emailPrefOf(n.id))), [networks.map((n) => n.id).join()]);
  if (!networks.length || !prefs) return null;
  return (
    <section class="card form" data-testid="email-prefs">
      <h2 class="form-title">{t('notes.emailHeading')}</h2>
      <p class="muted small">{t('notes.emailIntro')}</p>
      {networks.map((n, i) => (
        <div key={n.id} class="field">
          <label for={`pref-${n.id}`}>{n.name}</label>
          <select id={`pref-${n.id}`} value={prefs[i]} data-testid="email-pref"
            onChange={(e) => setEmailPref(n.id, /** @type {any} */ (/** @type {HTMLSelectElement} */ (e.currentTarget).value))}>
            {EMAIL.map((v) => <option key={v} value={v}>{t(`notes.email.${v}`)}</option>)}
          </select>
        </div>
      ))}
    </section>
  );
}

export function KeepHistory() {
  const keepAll = useQuery(async () => !!(await store.getMeta('keep_all')), []);
  const kept = useQuery(() => store.keptOnDevice().catch(() => null), []);
  if (keepAll === undefined) return null;
  return (
    <section class="card form" data-testid="keep-history">
      <h2 class="form-title">{t('notes.keepHeading')}</h2>
      <label class="check">
        <input type="checkbox" checked={keepAll} data-testid="keep-all" onChange={() => setKeepAll(!keepAll)} />
        <span>{t('notes.keepAll')}</span>
      </label>
      <p class="muted small">{keepAll ? t('notes.keepAllOn') : t('notes.keepWindow', { n: WINDOW_DAYS })}</p>
      {kept === true && <p class="muted small" data-testid="storage-kept">{t('notes.storageKept')}</p>}
      {kept === false && <p class="warn small" data-testid="storage-at-risk">{t('notes.storageAtRisk')}</p>}
    </section>
  );
}
