/**
 * Check-in on her own phone: opened from the QR code (#/checkin/<meeting>/<code>,
 * sent at once), or typed (#/checkin: the meetings of her networks on now;
 * #/checkin/<meeting>: that one). Offline it queues and counts when it syncs,
 * if it was made within the window. Only the server knows the code: its answer
 * (a wrong code, too early or too late) is shown here in its own words.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { checkIn, MutationError } from '../../sync/index.js';
import { useOnline, useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Loading } from '../bits.jsx';
import { FieldError } from '../forms.jsx';
import { MEETING_RULES } from './rules.js';
import { meetingDay, meetingHoursText } from './warsaw.js';
import { refusedText } from './refused.js';
import './meetings.css';

/** @param {{me: {id: string}, meetingId?: string, code?: string}} props */
export function CheckIn({ me, meetingId, code }) {
  const open = useQuery(async () => {
    if (meetingId) return [];
    const networks = await store.myNetworks(me.id);
    return store.meetingsOpenNow(networks.map((n) => n.id), MEETING_RULES.earlyMinutes);
  }, [me.id, meetingId]);
  if (!open) return <main class="page"><Loading /></main>;
  const chosen = meetingId || (open.length === 1 ? open[0].id : '');
  return (
    <main class="page narrow" data-testid="checkin">
      <BackLink href={chosen ? `#/m/${chosen}` : '#/'} label={chosen ? t('checkin.back') : t('nav.home')} />
      <h1>{t('checkin.heading')}</h1>
      {chosen ? (
        <CheckInForm key={chosen} me={me} meetingId={chosen} code={code} />
      ) : open.length === 0 ? (
        <p class="notice" data-testid="checkin-none">{t('checkin.noneOpen')}</p>
      ) : (
        <>
          <p>{t('checkin.pick')}</p>
          <ul class="list">
            {open.map((m) => (
              <li key={m.id}>
                <a class="list-item" href={`#/checkin/${m.id}`} data-testid="checkin-pick">
                  <span class="item-title">{m.title}</span>
                  <span class="item-meta">{meetingHoursText(m.starts_at, m.ends_at)}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

/**
 * What the check-in came to: her attendance row and the server's refusal of a
 * check-in to this meeting made since `since`.
 * @param {string} meetingId @param {string} meId @param {string} since
 */
async function outcome(meetingId, meId, since) {
  const [bundle, rejected] = await Promise.all([store.meetingBundle(meetingId), store.rejectedList()]);
  const refusal = rejected.find((r) => r.name === 'attendance.check_in' && /** @type {any} */ (r.args)?.meeting_id === meetingId &&
    r.rejected_at >= since);
  return { meeting: bundle.meeting, mine: bundle.attendance.get(meId) || null, refusal: refusal || null };
}

/** The server's words for a refused check-in. @param {{error: {message: string, fields?: Record<string, any>}}} r */
const serverWords = (r) => {
  const field = r.error.fields?.code;
  return (Array.isArray(field) ? field.join(' ') : field) || r.error.message;
};

/** @param {{me: {id: string}, meetingId: string, code?: string}} props */
function CheckInForm({ me, meetingId, code: given }) {
  const [code, setCode] = useState(given || '');
  const [sentAt, setSentAt] = useState('');
  const [error, setError] = useState(/** @type {any} */ (null));
  const online = useOnline();
  const state = useQuery(() => outcome(meetingId, me.id, sentAt || '9999'), [meetingId, me.id, sentAt]);
  const autoSent = useRef(false);
  const [refused, setRefused] = useState('');

  // The server's answer is said here, in its words; the list of refused changes need not keep it.
  const refusal = state?.refusal;
  useEffect(() => {
    if (!refusal) return;
    setRefused(serverWords(refusal));
    if (refusal.key !== undefined) store.dismissRejected(refusal.key);
  }, [refusal?.key]);

  /** @param {string} value */
  const send = async (value) => {
    setError(null);
    setRefused('');
    // An earlier refusal of a check-in here is answered by this one.
    for (const r of await store.rejectedList()) {
      if (r.name === 'attendance.check_in' && /** @type {any} */ (r.args)?.meeting_id === meetingId && r.key !== undefined) await store.dismissRejected(r.key);
    }
    const now = new Date().toISOString();
    try {
      await checkIn(meetingId, value);
      setSentAt(now);
    } catch (err) {
      const field = err instanceof MutationError && err.fields ? err.fields.code : null;
      setError(field === 'format' || field === 'required' ? t('checkin.format') : field || refusedText(err));
    }
  };

  // Opened from the QR code: the code is in the address, she needs to tap nothing.
  useEffect(() => {
    if (given && state?.meeting && !autoSent.current) {
      autoSent.current = true;
      if (!state.mine?.present) send(given);
    }
  }, [given, state?.meeting]);

  if (!state) return <Loading />;
  const { meeting: m, mine } = state;
  if (!m) return <p class="notice" data-testid="checkin-unknown">{t('checkin.unknown')}</p>;
  const confirmed = mine?.present === true && !mine.pending;
  const waiting = !!sentAt && !confirmed && !refused && !refusal;

  return (
    <>
      <div class="card">
        <p class="item-title" data-testid="checkin-meeting">{m.title}</p>
        <p class="item-meta">{meetingDay(m.starts_at)}, {meetingHoursText(m.starts_at, m.ends_at)}</p>
      </div>
      {confirmed ? (
        <p class="ok big-ok" role="status" data-testid="checkin-done">✓ {t('checkin.done')}</p>
      ) : (
        <form class="form card" noValidate data-testid="checkin-form"
          onSubmit={(e) => { e.preventDefault(); send(code); }}>
          <p class="field-hint">{t('checkin.intro')}</p>
          <label for="checkin-code">{t('checkin.code')}</label>
          <input id="checkin-code" class="code-input" type="text" inputMode="numeric" autoComplete="one-time-code"
            pattern="[0-9]*" maxLength={7} value={code} data-testid="checkin-code-input"
            onInput={(e) => setCode(/** @type {HTMLInputElement} */ (e.currentTarget).value.replace(/\D/g, ''))} />
          <FieldError error={error} testid="checkin-error" />
          {refused && <p class="field-error" role="alert" data-testid="checkin-error">{refused}</p>}
          {waiting && (
            <p class={online ? 'muted' : 'hint'} role="status" data-testid={online ? 'checkin-sending' : 'checkin-queued'}>
              {online ? t('checkin.sending') : t('checkin.queued')}
            </p>
          )}
          <button type="submit" class="btn-primary wide" data-testid="checkin-send">{t('checkin.send')}</button>
        </form>
      )}
    </>
  );
}
