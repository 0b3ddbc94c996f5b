/**
 * One network: its facts (school year, places, archive), the way into the
 * coordinator's tools, its threads, newest activity first, the "new thread"
 * form, and at the bottom the export and a way to leave it. An archived network
 * is one read-only state: its notice, its threads and the export — nothing that
 * invites her to write, and no leaving (its year is over; she keeps it to read).
 */
import { useState } from 'preact/hooks';
import * as store from '../store/index.js';
import { leaveNetwork } from '../sync/index.js';
import { useQuery, go } from './hooks.js';
import { t } from './i18n.js';
import { formatTime } from './format.js';
import { BackLink, Confirm, Loading, PendingMarker } from './bits.jsx';
import { NewThreadForm } from './NewThreadForm.jsx';
import { canLeave, canManage, canStartThreads, isActive, isArchived } from './rights.js';
import { ArchivedBadge, Facts } from './network/Facts.jsx';
import { YearPapers } from './reports/YearPapers.jsx';
import { ExportLink } from './network/ExportLink.jsx';
import { ThreadList } from './forum/ThreadList.jsx';
import { Icon } from './forum/Icon.jsx';
import { MeetingCard } from './meetings/MeetingCard.jsx';
import { SurveysWaiting } from './surveys/SurveysWaiting.jsx';

/** @param {{me: {id: string}, networkId: string}} props */
export function NetworkView({ me, networkId }) {
  const data = useQuery(async () => {
    const [network, membership, user] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
      store.getRow('user', me.id),
    ]);
    const waiting = (await store.membersOf(networkId)).filter((m) => m.status === 'pending').length;
    const nextMeeting = (await store.meetingsOf(networkId)).coming.find((m) => m.status !== 'cancelled') || null;
    return { network, membership, user, waiting, nextMeeting };
  }, [me.id, networkId]);
  const [composing, setComposing] = useState(false);

  if (!data) return <main class="page"><Loading /></main>;
  const { network, membership, user, waiting, nextMeeting } = data;

  return (
    <main class="page" data-testid="network">
      <BackLink href="#/" label={t('nav.home')} />
      {!network ? (
        <p class="notice">{t('network.notFound')}</p>
      ) : (
        <>
          <h1 data-testid="network-name">{network.name}</h1>
          <p class="facts">
            <Facts network={network} />
            <span class="badges">
              <ArchivedBadge network={network} />
            </span>
            {network.pending && <PendingMarker />}
          </p>
          {network.description && <p class="muted lead">{network.description}</p>}
          <YearPapers network={network} membership={membership} user={user} />
          {isArchived(network) && (
            <p class="notice" data-testid="archived-notice">
              {t('network.archived')}
            </p>
          )}
          {canManage(membership, user) && (
            <a class="btn-secondary btn-block" href={`#/n/${network.id}/manage`} data-testid="manage-open">
              {t('network.manage')}
              {waiting > 0 && !isArchived(network) && (
                <span class="count" data-testid="manage-waiting" title={t('manage.waiting')}>{waiting}</span>
              )}
            </a>
          )}
          {isActive(membership) && (
            <div class="row network-links">
              <a class="btn-secondary" href={`#/n/${network.id}/library`} data-testid="library-open"><Icon name="book" /> {t('library.heading')}</a>
              <a class="btn-secondary" href="#/search" data-testid="search-open"><Icon name="search" /> {t('search.heading')}</a>
              <a class="btn-secondary" href={`#/n/${network.id}/meetings`} data-testid="meetings-open"><Icon name="calendar" /> {t('meetings.heading')}</a>
              <a class="btn-secondary" href={`#/n/${network.id}/people`} data-testid="participants-open"><Icon name="people" /> {t('meetings.participants')}</a>
              <a class="btn-secondary" href={`#/n/${network.id}/surveys`} data-testid="surveys-open"><Icon name="file" /> {t('surveys.heading')}</a>
              <a class="btn-secondary" href={`#/n/${network.id}/plan`} data-testid="plan-open"><Icon name="file" /> {t('plans.open')}</a>
            </div>
          )}
          {isActive(membership) && nextMeeting && (
            <section class="next-meeting" data-testid="network-next-meeting">
              <h2>{t('meetings.next')}</h2>
              <MeetingCard meeting={nextMeeting} />
            </section>
          )}
          {isActive(membership) && <SurveysWaiting me={me} networkId={network.id} role={membership?.role || ''} />}
          {isActive(membership) && membership?.role === 'expert' && !isArchived(network) && (
            <p class="muted">{t('network.expertHint')}</p>
          )}
        </>
      )}
      {canStartThreads(membership, network) &&
        (composing ? (
          <NewThreadForm networkId={networkId} meId={me.id} onDone={() => setComposing(false)} />
        ) : (
          <button
            type="button"
            class="btn-primary wide"
            data-testid="new-thread-open"
            onClick={() => setComposing(true)}
          >
            + {t('network.newThread')}
          </button>
        ))}
      {network && (
        <>
          <h2>{t('network.threads')}</h2>
          <ThreadList networkId={networkId} meId={me.id} manager={canManage(membership, user) && !isArchived(network)}
            emptyText={membership?.pending ? t('network.waitingData')
              : isArchived(network) ? t('network.archivedEmpty') : t('network.noThreads')} />
        </>
      )}
      {isActive(membership) && <ExportLink networkId={networkId} />}
      {canLeave(membership) && membership?.status === 'active' && !isArchived(network) && <LeaveNetwork networkId={networkId} />}
    </main>
  );
}

/** @param {{networkId: string}} props */
function LeaveNetwork({ networkId }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <div class="leave">
        <button type="button" class="btn-link danger" data-testid="leave-network" onClick={() => setAsking(true)}>
          {t('network.leave')}
        </button>
      </div>
    );
  }
  return (
    <Confirm question={t('network.leaveQuestion')} yes={t('network.leaveConfirm')} extraClass="leave"
      onYes={() => leaveNetwork(networkId).then(() => go('#/'))} onNo={() => setAsking(false)}
      testid="leave-confirm" yesTestid="leave-yes" />
  );
}
