/**
 * "Ustawienia" under her profile: her e-mail address, the app's language, e-mail about each
 * network and how much the phone keeps (notifications/Settings.jsx), gathered in one place.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { addWords, currentLang, setLang, t, useLang } from '../i18n.js';
import { Choice } from '../forms.jsx';
import { EmailPrefs, KeepHistory } from '../notifications/Settings.jsx';
import { settingsWords } from './settingsWords.js';
import { updateProfile } from '../../sync/accounts/writes.js';

addWords(settingsWords);

/** @param {{me: {id: string, email?: string}}} props */
export function ProfileSettings({ me }) {
  useLang();
  const networks = useQuery(() => store.myNetworks(me.id), [me.id]);
  const [failed, setFailed] = useState(false);
  /** @param {string} l */
  const choose = (l) => {
    setFailed(false);
    // Her letters follow the app's language (profile.update's lang).
    setLang(/** @type {import('../i18n.js').Lang} */ (l)).then(() => updateProfile({ lang: l }))
      .catch(() => setFailed(true));
  };
  return (
    <section class="settings" aria-labelledby="settings-title" data-testid="profile-settings">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <div class="card form">
        <div class="field settings-email">
          <span class="item-meta">{t('settings.email')}</span>
          <strong data-testid="profile-email">{me.email || ''}</strong>
          <span class="muted small">{t('settings.emailHint')}</span>
        </div>
        <Choice name="settings-lang" label={t('settings.lang')} value={currentLang()} testid="settings-lang" onValue={choose}
          options={['pl', 'en'].map((l) => ({ value: l, label: t(`settings.lang.${l}`) }))} />
        {failed && <p class="warn small" role="alert">{t('settings.langFailed')}</p>}
      </div>
      {networks && <EmailPrefs networks={networks} />}
      <KeepHistory />
    </section>
  );
}
