/**
 * One meeting: when and where (Warsaw's clock), the agenda, the guest expert,
 * materials, her answer (Będę / Może / Nie będę) and, for the coordinator,
 * who answered what, and the way into meeting mode, the edit and cancelling.
 * A cancelled meeting says so at the top and takes no answers.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { answerMeeting, cancelMeeting, meetingIcsUrl, removeAttachment } from '../../sync/index.js';
import { useQuery, go } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Confirm, Loading, PendingMarker } from '../bits.jsx';
import { canManage, isActive, isArchived } from '../rights.js';
import { CalendarButton } from './CalendarButton.jsx';
import { Agenda, Materials } from './MeetingParts.jsx';
import { Answers } from './Answers.jsx';
import { MeetingFiles } from './MeetingFiles.jsx';
import { HoursEditor } from './HoursEditor.jsx';
import { meetingDay, meetingHoursText } from './warsaw.js';
import { refusedText } from './refused.js';
import { MinutesEditor, readOnlyWhy } from './Minutes.jsx';
import '../docs/words.js';
import './meetings.css';

const ANSWERS = /** @type {const} */ (['yes', 'maybe', 'no']);

/** @param {{me: {id: string, name: string}, meetingId: string}} props */
export function MeetingView({ me, meetingId }) {
  const data = useQuery(async () => {
    const bundle = await store.meetingBundle(meetingId);
    const networkId = bundle.meeting?.network_id || '';
    const [network, membership, user, people] = await Promise.all([
      store.getRow('network', networkId),
      store.membershipIn(me.id, networkId),
      store.getRow('user', me.id),
      networkId ? store.participantsOf(networkId) : [],
    ]);
    return { ...bundle, network, membership, user, people };
  }, [meetingId, me.id]);
  const [error, setError] = useState('');
  const [asking, setAsking] = useState(false);
  const [minutesOpen, setMinutesOpen] = useState(false);

  if (!data) return <main class="page"><Loading /></main>;
  const { meeting: m, network, membership, user, people, rsvps, attendance } = data;
  if (!m) {
    return (
      <main class="page" data-testid="meeting">
        <BackLink href="#/" label={t('nav.home')} />
        <p class="notice">{t('meetings.notFound')}</p>
      </main>
    );
  }
  const manager = canManage(membership, user) && !isArchived(network);
  const cancelled = m.status === 'cancelled';
  const ended = Date.parse(m.ends_at) <= Date.now();
  const mine = rsvps.get(me.id)?.answer || null;
  const present = attendance.get(me.id);
  const experts = people.filter((p) => (m.expert_ids || []).includes(p.user_id));

  /** @param {'yes'|'maybe'|'no'} answer */
  const answer = (answer) => {
    setError('');
    answerMeeting(m.id, answer).catch((err) => setError(refusedText(err)));
  };

  return (
    <main class="page" data-testid="meeting">
      <BackLink href={`#/n/${m.network_id}/meetings`} label={t('meetings.heading')} />
      <h1 class={cancelled ? 'is-cancelled-title' : ''} data-testid="meeting-title">{m.title}</h1>
      {cancelled && <p class="notice notice-danger" data-testid="meeting-cancelled-notice">{t('meetings.cancelledNotice')}</p>}
      {m.pending && <PendingMarker />}
      <dl class="card facts-list">
        <dt>{t('meetings.when')}</dt>
        <dd data-testid="meeting-when">
          <strong>{meetingDay(m.starts_at)}</strong>
          <br />
          {meetingHoursText(m.starts_at, m.ends_at)}
        </dd>
        <dt>{t('meetings.where')}</dt>
        <dd data-testid="meeting-place">{m.place}</dd>
        {m.online_url && (
          <dd><a href={m.online_url} target="_blank" rel="noopener" data-testid="meeting-online">{t('meetings.onlineJoin')}</a></dd>
        )}
        {experts.length > 0 && (
          <>
            <dt>{t('meetings.experts')}</dt>
            <dd data-testid="meeting-experts">{experts.map((p) => p.name).join(', ')}</dd>
          </>
        )}
      </dl>

      {isActive(membership) && !cancelled && (
        <section class="rsvp card" data-testid="rsvp">
          {ended ? (
            <p class="muted">{t('meetings.rsvpPast')}</p>
          ) : (
            <>
              <h2 class="form-title">{t('meetings.rsvpQuestion')}</h2>
              <div class="rsvp-buttons" role="group" aria-label={t('meetings.rsvpQuestion')}>
                {ANSWERS.map((a) => (
                  <button key={a} type="button" class={`rsvp-button${mine === a ? ' is-on' : ''}`} aria-pressed={mine === a}
                    data-testid={`rsvp-${a}`} onClick={() => answer(a)}>
                    {mine === a && <span aria-hidden="true">✓ </span>}{t(`meetings.answer.${a}`)}
                  </button>
                ))}
              </div>
              {rsvps.get(me.id)?.pending && <PendingMarker />}
            </>
          )}
          {present?.present && (
            <p class="ok" data-testid="my-attendance">{t('meetings.youPresent', { hours: String(present.hours).replace('.', t('meetingHours.decimal')) })}</p>
          )}
          {error && <p class="field-error" role="alert">{error}</p>}
        </section>
      )}

      {manager && !cancelled && (
        <div class="meeting-tools">
          <a class="btn-primary btn-block" href={`#/m/${m.id}/live`} data-testid="meeting-mode-open">{t('meetings.mode')}</a>
          <a class="btn-secondary btn-block" href={`#/m/${m.id}/edit`} data-testid="meeting-edit">{t('meetings.edit')}</a>
        </div>
      )}

      {manager && <Answers people={people} rsvps={rsvps} />}
      {manager && !cancelled && <HoursEditor meetingId={m.id} people={people} attendance={attendance} />}

      <h2>{t('meetings.agenda')}</h2>
      <Agenda agenda={m.agenda || []} />

      <h2>{t('meetings.materials')}</h2>
      <Materials meeting={m} attachments={data.attachments} local={data.local}
        onRemove={manager && !cancelled ? (id) => void removeAttachment(id).catch((err) => setError(refusedText(err))) : undefined} />
      {manager && !cancelled && <MeetingFiles meetingId={m.id} />}

      {isActive(membership) && (
        <section class="meeting-minutes" data-testid="meeting-minutes">
          <h2>{t('meetingMode.minutes')}</h2>
          {minutesOpen ? (
            <MinutesEditor meetingId={m.id} me={me} readOnlyWhy={readOnlyWhy(membership, network)} />
          ) : (
            <button type="button" class="btn-secondary btn-block" data-testid="minutes-open" onClick={() => setMinutesOpen(true)}>
              {t('doc.open')}
            </button>
          )}
        </section>
      )}

      {!cancelled && (
        <p>
          <a class="btn-secondary btn-block" href={meetingIcsUrl(m.id)} download data-testid="meeting-ics">{t('meetings.ics')}</a>
        </p>
      )}
      {isActive(membership) && <CalendarButton />}

      {manager && !cancelled && (
        <div class="leave">
          {asking ? (
            <Confirm question={t('meetings.cancelQuestion')} yes={t('meetings.cancelConfirm')} testid="meeting-cancel-confirm"
              yesTestid="meeting-cancel-yes" onNo={() => setAsking(false)}
              onYes={() => cancelMeeting(m.id).then(() => setAsking(false), (err) => setError(refusedText(err)))} />
          ) : (
            <button type="button" class="btn-link danger" data-testid="meeting-cancel" onClick={() => setAsking(true)}>
              {t('meetings.cancel')}
            </button>
          )}
        </div>
      )}
      {!isActive(membership) && !manager && (
        <p><button type="button" class="btn-link" onClick={() => go(`#/n/${m.network_id}`)}>{network?.name}</button></p>
      )}
    </main>
  );
}
