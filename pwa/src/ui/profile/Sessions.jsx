/**
 * "Zalogowane urządzenia" under her profile: each device signed in as her (`session` rows),
 * when it was last used, which one is this, and signing out one of them or all but this one.
 * Both are writes through the outbox; the server ends those sessions when they are pushed.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { currentSessionId, revokeOtherSessions, revokeSession } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { Confirm } from '../bits.jsx';
import { lastSeen } from './lastSeen.js';
import './sessions.css';

/** Live sessions, this one first, then the most recently used. */
async function devices() {
  const now = Date.now();
  const here = currentSessionId();
  const live = (await store.allRows('session')).filter((s) => !s.expires_at || Date.parse(s.expires_at) > now);
  const rank = (/** @type {any} */ s) => (s.id === here ? 1 : 0);
  return live.sort((a, b) => rank(b) - rank(a) || String(b.last_seen_at).localeCompare(String(a.last_seen_at)));
}

export function Sessions() {
  const list = useQuery(devices, []);
  const [asking, setAsking] = useState(false);
  if (!list) return null;
  const here = currentSessionId();
  const others = list.filter((s) => s.id !== here);
  return (
    <section class="card sessions" data-testid="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <ul>
        {list.map((s) => (
          <li key={s.id} class="session-row" data-testid="session-row" data-current={s.id === here ? 'true' : undefined}>
            <div>
              <strong>{s.device || t('sessions.unknownDevice')}</strong>
              {s.id === here && <span class="badge" data-testid="session-this">{t('sessions.thisDevice')}</span>}
              <div class="muted">{t('sessions.lastSeen', { when: lastSeen(s.last_seen_at) })}</div>
            </div>
            {s.id !== here && (
              <button type="button" class="btn-secondary" data-testid="session-revoke" onClick={() => revokeSession(s.id)}>
                {t('sessions.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && !asking && (
        <button type="button" class="btn-secondary btn-block" data-testid="sessions-revoke-others" onClick={() => setAsking(true)}>
          {t('sessions.revokeOthers')}
        </button>
      )}
      {asking && (
        <Confirm question={t('sessions.revokeOthersQuestion', { n: others.length })} yes={t('sessions.revokeOthers')}
          yesTestid="sessions-revoke-others-yes" onNo={() => setAsking(false)}
          onYes={() => revokeOtherSessions().finally(() => setAsking(false))} />
      )}
    </section>
  );
}
