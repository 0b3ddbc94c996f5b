/**
 * A network's surveys: open ones first (to answer now), then those coming,
 * then closed ones. The coordinator builds a new one from here; she and the
 * Poradnia's staff open the results.
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading, PendingMarker } from '../bits.jsx';
import { canManage, isArchived, isStaff } from '../rights.js';
import { stateText } from './dates.js';
import './surveys.css';

/** @param {{me: {id: string}, networkId: string}} props */
export function SurveysList({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership, user, surveys] = await Promise.all([
      store.getRow('network', networkId), store.membershipIn(me.id, networkId), store.getRow('user', me.id),
      store.surveysOf(networkId, me.id),
    ]);
    return { network, membership, user, surveys };
  }, [networkId, me.id]);
  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, user, surveys } = data;
  const manager = canManage(membership, user);
  const readsResults = manager || isStaff(user);
  return (
    <main class="page" data-testid="surveys">
      <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />
      <h1>{t('surveys.heading')}</h1>
      <p class="muted lead">{t('surveys.intro')}</p>
      {manager && !isArchived(network) && (
        <a class="btn-primary btn-block" href={`#/n/${networkId}/surveys/new`} data-testid="survey-new">+ {t('surveys.new')}</a>
      )}
      {!surveys.length ? (
        <p class="muted" data-testid="surveys-empty">{t('surveys.none')}</p>
      ) : (
        <ul class="list spaced" data-testid="surveys-list">
          {surveys.map((s) => (
            <li key={s.id} class="survey-row">
              <a class={`list-item survey-item is-${s.state}`} href={`#/s/${s.id}`} data-testid="survey-item" data-state={s.state}>
                <span class="item-title">{s.title}</span>
                <span class="item-meta">{t(`surveys.kind.${s.kind}`)} · {stateText(s)}</span>
                <span class="badges">
                  {s.answered && <span class="badge" data-testid="survey-answered">{t('surveys.answeredBadge')}</span>}
                  {s.anonymous && <span class="badge badge-muted">{t('surveys.anonymousBadge')}</span>}
                </span>
                {s.pending && <PendingMarker />}
              </a>
              {readsResults && s.state !== 'coming' && (
                <a class="survey-results-link" href={`#/s/${s.id}/results`} data-testid="survey-results-open">{t('surveys.results')} →</a>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
