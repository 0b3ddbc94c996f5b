/**
 * Meeting mode: one screen for the tablet or phone on the table during the
 * meeting. The agenda, who said they come, the attendance list (large rows,
 * offline too), the check-in code with its QR code, the materials, and the
 * minutes written together live (beside the rest on a tablet, below it on a phone),
 * with who is in them now.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { markAttendance } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';
import { canManage } from '../rights.js';
import { Agenda, Materials } from './MeetingParts.jsx';
import { AttendanceList } from './AttendanceList.jsx';
import { answerGroups } from './Answers.jsx';
import { Qr } from './Qr.jsx';
import { meetingDay, meetingHoursText } from './warsaw.js';
import { refusedText } from './refused.js';
import { MinutesEditor, readOnlyWhy } from './Minutes.jsx';
import './meetings.css';

/** The address the QR code opens: her own phone's check-in screen with the code filled in. @param {string} meetingId @param {string} code */
export const checkInLink = (meetingId, code) => `${location.origin}/#/checkin/${meetingId}/${code}`;

/** @param {{me: {id: string, name: string}, meetingId: string}} props */
export function MeetingMode({ me, meetingId }) {
  const data = useQuery(async () => {
    const bundle = await store.meetingBundle(meetingId);
    const networkId = bundle.meeting?.network_id || '';
    const [membership, user, people, network] = await Promise.all([
      store.membershipIn(me.id, networkId), store.getRow('user', me.id), networkId ? store.participantsOf(networkId) : [],
      store.getRow('network', networkId),
    ]);
    return { ...bundle, allowed: canManage(membership, user), people, why: readOnlyWhy(membership, network) };
  }, [meetingId, me.id]);
  const [error, setError] = useState('');

  if (!data) return <main class="page"><Loading /></main>;
  const { meeting: m, people, attendance, rsvps, code } = data;
  if (!m || !data.allowed) {
    return (
      <main class="page" data-testid="meeting-mode">
        <BackLink href={m ? `#/m/${m.id}` : '#/'} label={t('nav.back')} />
        <p class="notice">{t(m ? 'meetings.refused.forbidden' : 'meetings.notFound')}</p>
      </main>
    );
  }
  const coming = answerGroups(people, rsvps);
  /** @param {string} userId @param {boolean} present */
  const toggle = (userId, present) => {
    setError('');
    markAttendance(m.id, userId, present).catch((err) => setError(refusedText(err)));
  };

  return (
    <main class="page meeting-mode" data-testid="meeting-mode">
      <BackLink href={`#/m/${m.id}`} label={m.title} />
      <h1>{t('meetingMode.heading')}</h1>
      <p class="muted lead">{meetingDay(m.starts_at)}, {meetingHoursText(m.starts_at, m.ends_at)}</p>
      {m.status === 'cancelled' && <p class="notice notice-danger">{t('meetings.cancelledNotice')}</p>}

      <div class="mode-live">
        <div class="mode-side">
          <section class="card checkin-code" data-testid="checkin-code-box">
            <h2 class="form-title">{t('meetingMode.code')}</h2>
            {code ? (
              <>
                <p class="big-code" data-testid="checkin-code">{code.slice(0, 3)} {code.slice(3)}</p>
                <Qr text={checkInLink(m.id, code)} label={t('meetingMode.qr')} />
                <p class="field-hint">{t('meetingMode.codeHint')}</p>
              </>
            ) : (
              <p class="muted">{t('meetingMode.codeWaiting')}</p>
            )}
          </section>

          <h2>{t('meetings.agenda')}</h2>
          <Agenda agenda={m.agenda || []} />

          <div class="mode-main">
            <p class="hint">{t('meetingMode.offline')}</p>
            {error && <p class="field-error" role="alert">{error}</p>}
            <AttendanceList people={people} attendance={attendance} rsvps={rsvps} onToggle={toggle} />
          </div>

          <h2>{t('meetingMode.whoComes')}</h2>
          <p data-testid="mode-coming">
            <strong>{t('meetings.count.yes')} ({coming.yes.length}):</strong> {coming.yes.join(', ') || t('meetings.nobody')}
            {coming.maybe.length > 0 && <><br /><strong>{t('meetings.count.maybe')} ({coming.maybe.length}):</strong> {coming.maybe.join(', ')}</>}
          </p>

          <h2>{t('meetings.materials')}</h2>
          <Materials meeting={m} attachments={data.attachments} local={data.local} />
        </div>

        <section class="mode-minutes" data-testid="minutes-region">
          <h2>{t('meetingMode.minutes')}</h2>
          <MinutesEditor meetingId={m.id} me={me} readOnlyWhy={data.why} />
        </section>
      </div>
    </main>
  );
}
