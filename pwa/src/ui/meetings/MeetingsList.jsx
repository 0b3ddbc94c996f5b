/**
 * A network's meetings: the next one on top, large, the later ones under it,
 * the past ones below (newest first). Cancelled meetings stay in their place,
 * visibly cancelled. The coordinator plans a new one from here.
 */
import * as store from '../../store/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';
import { canManage, isActive, isArchived } from '../rights.js';
import { MeetingCard } from './MeetingCard.jsx';
import { CalendarButton } from './CalendarButton.jsx';
import './meetings.css';

/** @param {{me: {id: string}, networkId: string}} props */
export function MeetingsList({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership, user, meetings] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
      store.getRow('user', me.id),
      store.meetingsOf(networkId),
    ]);
    return { network, membership, user, ...meetings };
  }, [networkId, me.id]);

  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, user, coming, past } = data;
  // On top the next one that will take place; those called off before their day have their own list.
  const planned = coming.filter((m) => m.status !== 'cancelled');
  const [next, ...later] = planned;
  const cancelled = coming.filter((m) => m.status === 'cancelled');
  const now = Date.now();

  return (
    <main class="page" data-testid="meetings">
      <BackLink href={`#/n/${networkId}`} label={network?.name || t('nav.back')} />
      <h1>{t('meetings.heading')}</h1>
      <p class="muted lead">{t('meetings.intro')}</p>
      {canManage(membership, user) && !isArchived(network) && (
        <a class="btn-primary btn-block" href={`#/n/${networkId}/meetings/new`} data-testid="meeting-new">
          + {t('meetings.new')}
        </a>
      )}
      {isActive(membership) && (
        <a class="btn-secondary btn-block" href="#/checkin" data-testid="checkin-open">{t('meetings.checkInOpen')}</a>
      )}
      {!coming.length && !past.length ? (
        <p class="muted" data-testid="meetings-empty">{t('meetings.none')}</p>
      ) : (
        <>
          <h2>{t('meetings.next')}</h2>
          {next ? (
            <div data-testid="meeting-next"><MeetingCard meeting={next} now={now} big /></div>
          ) : (
            <p class="muted">{t('meetings.noneComing')}</p>
          )}
          <Section heading={t('meetings.later')} meetings={later} now={now} testid="meetings-later" />
          <Section heading={t('meetings.cancelledHeading')} meetings={cancelled} now={now} testid="meetings-cancelled" />
          <Section heading={t('meetings.past')} meetings={past} now={now} testid="meetings-past" />
        </>
      )}
      {isActive(membership) && <CalendarButton />}
    </main>
  );
}

/** @param {{heading: string, meetings: Record<string, any>[], now: number, testid: string}} props */
function Section({ heading, meetings, now, testid }) {
  if (!meetings.length) return null;
  return (
    <>
      <h2>{heading}</h2>
      <ul class="list" data-testid={testid}>
        {meetings.map((m) => <li key={m.id}><MeetingCard meeting={m} now={now} /></li>)}
      </ul>
    </>
  );
}
