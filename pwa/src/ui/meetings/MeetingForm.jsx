/**
 * Plan a meeting, or change one: a title, the day and hours on Warsaw's clock
 * (turned into an ISO time with the offset of that very day, so a meeting
 * after the clocks change keeps its hour), the place (the Poradnia's address
 * to start with), an online link, the agenda (items added, removed, moved),
 * links to materials and the guest expert. The form checks nothing itself: the
 * local mutator refuses with the server's rules and the refusal lands on the
 * fields. A new meeting is a draft on the device while she types.
 */
import * as store from '../../store/index.js';
import { createMeeting, updateMeeting, itemErrors, MutationError } from '../../sync/index.js';
import { useQuery, go } from '../hooks.js';
import { t } from '../i18n.js';
import { Field, FieldError, FormStatus, useDraftForm, valueOf } from '../forms.jsx';
import { BackLink, Loading } from '../bits.jsx';
import { canManage } from '../rights.js';
import { refusedText } from './refused.js';
import { AgendaEditor, LinksEditor } from './ListEditors.jsx';
import { MEETING_RULES } from './rules.js';
import { warsawIso, warsawParts } from './warsaw.js';
import './meetings.css';

/**
 * @typedef {{time: string, topic: string, who: string}} ItemDraft
 * @typedef {{title: string, date: string, starts: string, ends: string, place: string, online_url: string,
 *   agenda: ItemDraft[], links: {title: string, url: string}[], expert_ids: string[]}} MeetingDraft
 */

/**
 * The screen: loads what the form starts from (the meeting, or the Poradnia's address).
 * @param {{me: {id: string}, networkId?: string, meetingId?: string}} props
 */
export function MeetingFormPage({ me, networkId, meetingId }) {
  const data = useQuery(async () => {
    const meeting = meetingId ? await store.getRow('meeting', meetingId) : null;
    const netId = meeting?.network_id || networkId || '';
    const [poradnia, membership, user, people] = await Promise.all([
      store.poradnia(), store.membershipIn(me.id, netId), store.getRow('user', me.id), store.participantsOf(netId),
    ]);
    return { meeting, netId, place: poradnia?.address || '', allowed: canManage(membership, user), people };
  }, [me.id, networkId, meetingId]);
  // Read once: a pull landing while she types must not reset the form.
  if (!data) return <main class="page"><Loading /></main>;
  const back = data.meeting ? `#/m/${data.meeting.id}` : `#/n/${data.netId}/meetings`;
  return (
    <main class="page" data-testid="meeting-form-page">
      <BackLink href={back} label={t('meetings.heading')} />
      {!data.allowed || (meetingId && !data.meeting) ? (
        <p class="notice">{t('meetings.refused.forbidden')}</p>
      ) : (
        <MeetingForm networkId={data.netId} meeting={data.meeting} place={data.place} back={back}
          experts={data.people.filter((p) => p.role === 'expert')} />
      )}
    </main>
  );
}

/** @param {Record<string, any> | null} meeting @param {string} place @returns {MeetingDraft} */
function startFrom(meeting, place) {
  if (!meeting) {
    return { title: '', date: '', starts: '', ends: '', place, online_url: '', agenda: [{ time: '', topic: '', who: '' }],
      links: [], expert_ids: [] };
  }
  const s = warsawParts(meeting.starts_at);
  return {
    title: meeting.title, date: s.date, starts: s.time, ends: warsawParts(meeting.ends_at).time, place: meeting.place || '',
    online_url: meeting.online_url || '',
    agenda: (meeting.agenda || []).map((/** @type {any} */ i) => ({ time: i.time || '', topic: i.topic, who: i.who || '' })),
    links: (meeting.links || []).map((/** @type {any} */ l) => ({ title: l.title || '', url: l.url })),
    expert_ids: meeting.expert_ids || [],
  };
}

/** @param {ItemDraft} i */
const agendaItem = (i) => ({ time: i.time || null, topic: i.topic.trim(), who: i.who.trim() });
/** @param {ItemDraft} i */
const agendaEmpty = (i) => !(i.time || i.topic.trim() || i.who.trim());
/** @param {{title: string, url: string}} l */
const linkItem = (l) => ({ title: l.title.trim(), url: l.url.trim() });
/** @param {{title: string, url: string}} l */
const linkEmpty = (l) => !(l.url.trim() || l.title.trim());

/**
 * The mutation's arguments from what she typed: empty agenda rows and links dropped.
 * @param {MeetingDraft} v
 */
export function meetingArgs(v) {
  return {
    title: v.title.trim(),
    starts_at: warsawIso(v.date, v.starts),
    ends_at: warsawIso(v.date, v.ends),
    place: v.place.trim() || null,
    online_url: v.online_url.trim() || null,
    agenda: v.agenda.filter((i) => !agendaEmpty(i)).map(agendaItem),
    links: v.links.filter((l) => !linkEmpty(l)).map(linkItem),
    expert_ids: v.expert_ids,
  };
}

/**
 * Which rows of the form's lists the refusal is about: the same rules, row by row (an empty row is dropped, not refused).
 * @param {string} name @param {MeetingDraft} v @param {Record<string, any>} fields
 */
function rowErrors(name, v, fields) {
  return {
    ...fields,
    ...(fields.agenda ? { agendaItems: v.agenda.map((i) => (agendaEmpty(i) ? {} : itemErrors(name, 'agenda', agendaItem(i)))) } : {}),
    ...(fields.links ? { linkItems: v.links.map((l) => (linkEmpty(l) ? {} : itemErrors(name, 'links', linkItem(l)))) } : {}),
  };
}

/**
 * @param {{networkId: string, meeting: Record<string, any> | null, place: string, back: string,
 *   experts: Record<string, any>[]}} props
 */
function MeetingForm({ networkId, meeting, place, back, experts }) {
  const form = useDraftForm(meeting ? `meeting-edit:${meeting.id}` : `meeting-new:${networkId}`, startFrom(meeting, place));
  const v = form.values;
  const e = form.errors;
  const name = meeting ? 'meeting.update' : 'meeting.create';

  const submit = form.submitter(
    () => meetingArgs(v),
    async (args) => {
      try {
        return meeting ? (await updateMeeting(meeting.id, args), meeting.id) : await createMeeting(networkId, args);
      } catch (err) {
        if (!(err instanceof MutationError)) throw err;
        if (err.fields) err.fields = /** @type {any} */ (rowErrors(name, v, err.fields));
        throw err.fields ? err : new MutationError(err.code, { form: refusedText(err) });
      }
    },
    (id) => {
      form.clear();
      go(`#/m/${id}`);
    },
  );
  const startsError = e.starts_at && !v.date ? null : e.starts_at;
  /** The day and hours make starts_at and ends_at: a change to any of them answers their errors. @param {'date'|'starts'|'ends'} field @param {string} value */
  const setWhen = (field, value) => {
    form.set(field, value);
    if (e.starts_at || e.ends_at) form.setErrors({ ...e, starts_at: undefined, ends_at: undefined });
  };

  return (
    <form class="card form meeting-form" onSubmit={submit} noValidate data-testid="meeting-form">
      <h1 class="form-title">{meeting ? t('meetingForm.editTitle') : t('meetingForm.newTitle')}</h1>
      <Field id="mt-title" label={t('meetingForm.title')} error={e.title} limits={MEETING_RULES.title}>
        <input id="mt-title" type="text" value={v.title} maxLength={MEETING_RULES.title.max} data-testid="meeting-title-input"
          placeholder={t('meetingForm.titlePlaceholder')} onInput={(ev) => form.set('title', valueOf(ev))} />
      </Field>
      <Field id="mt-date" label={t('meetingForm.date')} hint={t('meetingForm.timesHint')} error={e.starts_at && !v.date ? e.starts_at : null}>
        <input id="mt-date" type="date" value={v.date} data-testid="meeting-date" onInput={(ev) => setWhen('date', valueOf(ev))} />
      </Field>
      <div class="two-up">
        <Field id="mt-starts" label={t('meetingForm.starts')} error={startsError}>
          <input id="mt-starts" type="time" value={v.starts} data-testid="meeting-starts" onInput={(ev) => setWhen('starts', valueOf(ev))} />
        </Field>
        <Field id="mt-ends" label={t('meetingForm.ends')} error={e.ends_at} limits={{ max: MEETING_RULES.maxHours }}>
          <input id="mt-ends" type="time" value={v.ends} data-testid="meeting-ends" onInput={(ev) => setWhen('ends', valueOf(ev))} />
        </Field>
      </div>
      <Field id="mt-place" label={t('meetingForm.place')} hint={!meeting && v.place === place ? t('meetingForm.placeHint') : undefined}
        error={e.place} limits={MEETING_RULES.place}>
        <textarea id="mt-place" rows={2} value={v.place} data-testid="meeting-place-input" onInput={(ev) => form.set('place', valueOf(ev))} />
      </Field>
      <Field id="mt-online" label={t('meetingForm.online')} error={e.online_url}>
        <input id="mt-online" type="text" inputMode="url" autoCapitalize="off" spellcheck={false} placeholder="https://"
          value={v.online_url} data-testid="meeting-online-input" onInput={(ev) => form.set('online_url', valueOf(ev))} />
      </Field>
      <AgendaEditor items={v.agenda} onItems={(items) => form.set('agenda', items)} error={e.agenda} itemErrors={e.agendaItems} />
      <LinksEditor links={v.links} onLinks={(links) => form.set('links', links)} error={e.links} itemErrors={e.linkItems} />
      {experts.length > 0 && (
        <fieldset class="field">
          <legend>{t('meetingForm.experts')}</legend>
          <p class="field-hint">{t('meetingForm.expertsHint')}</p>
          {experts.map((p) => (
            <label key={p.user_id} class="check">
              <input type="checkbox" checked={v.expert_ids.includes(p.user_id)} data-testid="meeting-expert"
                onChange={(ev) => form.set('expert_ids', /** @type {HTMLInputElement} */ (ev.currentTarget).checked
                  ? [...v.expert_ids, p.user_id] : v.expert_ids.filter((id) => id !== p.user_id))} />
              {p.name}
            </label>
          ))}
          <FieldError error={e.expert_ids} />
        </fieldset>
      )}
      {!meeting && <p class="field-hint">{t('meetingForm.filesLater')}</p>}
      <FormStatus form={form} />
      <button type="submit" class="btn-primary wide" disabled={form.busy} data-testid="meeting-save">{t('meetingForm.save')}</button>
      <button type="button" class="btn-secondary wide" data-testid="meeting-form-cancel" onClick={() => { form.clear(); go(back); }}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
