/**
 * On the network's page: the open surveys she has not answered yet, each a
 * link to answer it (members and the coordinator answer; experts are not asked).
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { surveyDate } from './dates.js';
import './surveys.css';

/** @param {{me: {id: string}, networkId: string, role: string}} props */
export function SurveysWaiting({ me, networkId, role }) {
  const waiting = useQuery(async () =>
    (await store.surveysOf(networkId, me.id)).filter((s) => s.state === 'open' && !s.answered), [networkId, me.id]);
  if (!waiting?.length || !['coordinator', 'member'].includes(role)) return null;
  return (
    <section class="surveys-waiting" data-testid="surveys-waiting">
      <h2>{t('surveys.waiting')}</h2>
      <ul class="list">
        {waiting.map((s) => (
          <li key={s.id}>
            <a class="list-item" href={`#/s/${s.id}`} data-testid="survey-waiting">
              <span class="item-title">{s.title}</span>
              <span class="item-meta">{t('surveys.state.open', { date: surveyDate(s.closes_at) })}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
