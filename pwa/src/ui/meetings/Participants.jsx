/**
 * Who is in the network: names, schools, functions and roles, so teachers of
 * different schools know whom they meet. An e-mail address shows only where
 * she allowed it (the server sends `contact` rows for those alone).
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';
import { formatDate } from '../format.js';
import { functionName } from '../grammar.js';
import './meetings.css';

/** @param {Record<string, any>} p */
const roleText = (p) =>
  p.role === 'expert' && p.expires_at ? t('role.expertUntil', { date: formatDate(p.expires_at) }) : t(`role.${p.role}`);

/** @param {{me: {id: string}, networkId: string}} props */
export function Participants({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, people] = await Promise.all([store.getRow('network', networkId), store.participantsOf(networkId)]);
    return { network, people };
  }, [networkId, me.id]);
  if (!data) return <main class="page"><Loading /></main>;
  const { network, people } = data;
  return (
    <main class="page" data-testid="participants">
      <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />
      <h1>{t('participants.heading')}</h1>
      <p class="muted lead">{t('participants.intro')}</p>
      {people.length === 0 ? (
        <p class="muted">{t('participants.none')}</p>
      ) : (
        <>
          <p class="item-meta">{t('participants.count', { n: people.length })}</p>
          <ul class="list" data-testid="participant-list">
            {people.map((p) => (
              <li key={p.user_id} class="list-item static participant" data-testid="participant" data-user-id={p.user_id}>
                <span class="member-line">
                  <span class="item-title" data-testid="participant-name">{p.name || '—'}</span>
                  <span class={`badge${p.role === 'coordinator' ? '' : ' badge-muted'}`}>{roleText(p)}</span>
                </span>
                <span class="item-meta" data-testid="participant-school">
                  {[p.function && functionName(p.function, p.form_of_address), p.school || t('participants.noSchool')]
                    .filter(Boolean).join(' · ')}
                </span>
                {p.email && (
                  <a class="participant-email" href={`mailto:${p.email}`} data-testid="participant-email">{p.email}</a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
