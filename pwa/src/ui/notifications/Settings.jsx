/**
 * Her choices: e-mail about each network (at once, a daily or weekly digest,
 * never) and how much of the forum the phone keeps (profile/Storage.jsx).
 */
import * as store from '../../store/index.js';
import { choicesOf, setEmailPref } from '../../sync/index.js';
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

/** Phone storage per network lives with her profile's settings. */
export { KeepHistory } from '../profile/Storage.jsx';
