/**
 * One survey on her phone: its questions to answer (offline too: the answer
 * waits in the outbox with the time she gave it, and counts if that was
 * before the close), her answers shown again to change until the close. The
 * coordinator also sees how many have answered, opens the results, changes
 * the survey before it opens and closes it.
 */
import { useState } from 'preact/hooks';
import * as store from '../../store/index.js';
import { answerSurvey, closeSurvey, MutationError } from '../../sync/index.js';
import { useQuery } from '../hooks.js';
import { t } from '../i18n.js';
import { BackLink, Confirm, Loading } from '../bits.jsx';
import { FieldError } from '../forms.jsx';
import { canManage, isStaff } from '../rights.js';
import { refusedText, surveyDate } from './dates.js';
import { AnswerInput } from './AnswerInput.jsx';
import './surveys.css';

const ANSWERERS = ['coordinator', 'member'];

/** @param {{me: {id: string}, surveyId: string}} props */
export function SurveyView({ me, surveyId }) {
  const data = useQuery(async () => {
    const bundle = await store.surveyBundle(surveyId, me.id);
    const netId = bundle.survey?.network_id || '';
    const [network, membership, user] = await Promise.all([
      store.getRow('network', netId), store.membershipIn(me.id, netId), store.getRow('user', me.id)]);
    return { ...bundle, network, membership, user };
  }, [surveyId, me.id]);
  if (!data) return <main class="page"><Loading /></main>;
  const { survey, membership, user } = data;
  if (!survey) {
    return <main class="page"><BackLink href="#/" label={t('nav.back')} /><p class="notice">{t('surveys.notFound')}</p></main>;
  }
  const state = store.surveyState(survey);
  const manager = canManage(membership, user);
  const answers = membership?.status === 'active' && ANSWERERS.includes(membership.role);
  return (
    <main class="page" data-testid="survey-view" data-state={state}>
      <BackLink href={`#/n/${survey.network_id}/surveys`} label={t('surveys.heading')} />
      <h1 data-testid="survey-title">{survey.title}</h1>
      <p class="muted">{t(`surveys.kind.${survey.kind}`)} · {surveyDate(survey.opens_at)} – {surveyDate(survey.closes_at)}</p>
      {(manager || isStaff(user)) && <ManagerTools survey={survey} state={state} manager={manager} count={data.answeredCount} />}
      {state === 'coming' && <p class="notice" data-testid="survey-not-open">{t('surveys.notOpenYet', { date: surveyDate(survey.opens_at) })}</p>}
      {state === 'closed' && <p class="notice" data-testid="survey-closed">{t('surveys.closedNow')}</p>}
      {!answers && membership?.role === 'expert' && <p class="muted">{t('surveys.expertNote')}</p>}
      {answers && (state === 'open' || data.mine) && (
        <AnswerForm key={survey.id} survey={survey} mine={data.mine} open={state === 'open'}
          elsewhere={survey.anonymous && data.answered && !data.mine} />
      )}
    </main>
  );
}

/** @param {{survey: Record<string, any>, state: string, manager: boolean, count: number}} props */
function ManagerTools({ survey, state, manager, count }) {
  const [asking, setAsking] = useState(false);
  return (
    <section class="survey-tools" data-testid="survey-tools">
      <p class="survey-count" data-testid="survey-answered-count">{t('surveys.answeredCount', { n: count })}</p>
      <div class="row">
        {state !== 'coming' && <a class="btn-secondary" href={`#/s/${survey.id}/results`} data-testid="survey-results-open">{t('surveys.results')}</a>}
        {manager && state === 'coming' && <a class="btn-secondary" href={`#/s/${survey.id}/edit`} data-testid="survey-edit">{t('surveys.edit')}</a>}
        {manager && state !== 'closed' && (
          <button type="button" class="btn-secondary" data-testid="survey-close" onClick={() => setAsking(true)}>{t('surveys.close')}</button>
        )}
      </div>
      {asking && (
        <Confirm question={t('surveys.closeQuestion')} yes={t('surveys.closeYes')} yesTestid="survey-close-yes"
          onYes={async () => { await closeSurvey(survey.id); setAsking(false); }} onNo={() => setAsking(false)} />
      )}
    </section>
  );
}

/**
 * @param {{survey: Record<string, any>, mine: Record<string, any> | null, open: boolean, elsewhere: boolean}} props
 */
function AnswerForm({ survey, mine, open, elsewhere }) {
  const [values, setValues] = useState(/** @type {Record<string, any>} */ (mine || {}));
  const [errors, setErrors] = useState(/** @type {Record<string, any>} */ ({}));
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  if (elsewhere) return <p class="notice" data-testid="survey-elsewhere">{t('surveys.answeredElsewhere')}</p>;

  /** @param {Event} ev */
  const submit = async (ev) => {
    ev.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await answerSurvey(/** @type {any} */ (survey), values);
      setSent(true);
    } catch (err) {
      setSent(false);
      setErrors(err instanceof MutationError && err.fields ? err.fields : { form: refusedText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="survey-answer" onSubmit={submit} noValidate data-testid="survey-answer">
      <p class="field-hint">{survey.anonymous ? t('surveys.anonymousNote') : t('surveys.namedNote')}</p>
      {survey.questions.map((/** @type {any} */ q, /** @type {number} */ i) => {
        const code = errors[`answers.${q.id}`];
        return (
          <fieldset key={q.id} class={`card question${code ? ' has-error' : ''}`} data-testid="survey-question-answer" disabled={!open}>
            <legend><span class="q-number">{i + 1}.</span> {q.text}
              {q.required && <span class="q-required"> ({t('surveys.required')})</span>}</legend>
            <AnswerInput question={q} value={values[q.id]} onValue={(value) => {
              setValues({ ...values, [q.id]: value });
              setSent(false);
              if (code) setErrors({ ...errors, [`answers.${q.id}`]: undefined });
            }} />
            <FieldError error={code === 'required' ? 'required_answer' : code} testid="survey-answer-error" />
          </fieldset>
        );
      })}
      <FieldError error={errors.form || errors.key} />
      {sent && <p class="ok" role="status" data-testid="survey-sent">{navigator.onLine ? t('surveys.sent') : t('surveys.sentOffline')}</p>}
      {open && (
        <button type="submit" class="btn-primary wide" disabled={busy} data-testid="survey-send">
          {mine ? t('surveys.change') : t('surveys.send')}
        </button>
      )}
    </form>
  );
}
