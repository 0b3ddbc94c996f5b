/**
 * Build a survey, or change it before it opens: first where to start (the
 * "Diagnoza potrzeb" or "Ewaluacja" template, or empty), then the title,
 * anonymity, the days and hours it opens and closes (Warsaw's clock) and the
 * questions — each one choice, several, a 1–5 scale or written, required or
 * not. The form checks nothing itself: the local mutator refuses with the
 * server's rules and the refusal lands on the fields. A draft while she types.
 */
import * as store from '../../store/index.js';
import { createSurvey, updateSurvey, itemErrors, optionsError, MutationError, SURVEY_TEMPLATES } from '../../sync/index.js';
import { useQuery, go } from '../hooks.js';
import { t } from '../i18n.js';
import { Field, FieldError, FormStatus, useDraftForm, valueOf } from '../forms.jsx';
import { BackLink, Loading } from '../bits.jsx';
import { canManage } from '../rights.js';
import { warsawIso, warsawParts } from '../meetings/warsaw.js';
import { QuestionEditor, newQuestion } from './QuestionEditor.jsx';
import { refusedText } from './dates.js';
import './surveys.css';

/**
 * @typedef {import('./QuestionEditor.jsx').QuestionDraft} QuestionDraft
 * @typedef {{started: boolean, title: string, kind: string, anonymous: boolean, opensDate: string, opensTime: string,
 *   closesDate: string, closesTime: string, questions: QuestionDraft[]}} SurveyDraft
 */

/** @param {{me: {id: string}, networkId?: string, surveyId?: string}} props */
export function SurveyFormPage({ me, networkId, surveyId }) {
  const data = useQuery(async () => {
    const survey = surveyId ? await store.getRow('survey', surveyId) : null;
    const netId = survey?.network_id || networkId || '';
    const [membership, user] = await Promise.all([store.membershipIn(me.id, netId), store.getRow('user', me.id)]);
    return { survey, netId, allowed: canManage(membership, user) };
  }, [me.id, networkId, surveyId]);
  if (!data) return <main class="page"><Loading /></main>;
  const back = data.survey ? `#/s/${data.survey.id}` : `#/n/${data.netId}/surveys`;
  return (
    <main class="page" data-testid="survey-form-page">
      <BackLink href={back} label={t('surveys.heading')} />
      {!data.allowed || (surveyId && !data.survey) ? (
        <p class="notice">{t('surveys.refused.forbidden')}</p>
      ) : (
        <SurveyForm networkId={data.netId} survey={data.survey} />
      )}
    </main>
  );
}

/** @param {Date} d */
const dayOf = (d) => warsawParts(d.toISOString()).date;

/** @param {Record<string, any> | null} survey @returns {SurveyDraft} */
function startFrom(survey) {
  if (!survey) {
    const now = new Date();
    return { started: false, title: '', kind: 'custom', anonymous: false, opensDate: dayOf(now), opensTime: '08:00',
      closesDate: dayOf(new Date(now.getTime() + 14 * 86400_000)), closesTime: '20:00', questions: [newQuestion()] };
  }
  const o = warsawParts(survey.opens_at);
  const c = warsawParts(survey.closes_at);
  return { started: true, title: survey.title, kind: survey.kind, anonymous: survey.anonymous, opensDate: o.date,
    opensTime: o.time, closesDate: c.date, closesTime: c.time,
    questions: survey.questions.map((/** @type {any} */ q) => ({ ...q, optionsText: (q.options || []).join('\n') })) };
}

/** @param {QuestionDraft} q */
const questionArgs = (q) => ({
  id: q.id, kind: /** @type {'single'|'multiple'|'scale'|'text'} */ (q.kind), text: q.text.trim(), required: q.required,
  options: q.kind === 'single' || q.kind === 'multiple' ? q.optionsText.split('\n').map((o) => o.trim()).filter(Boolean) : [],
});

/** @param {SurveyDraft} v */
export const surveyArgs = (v) => ({
  title: v.title.trim(),
  kind: /** @type {'needs'|'evaluation'|'custom'} */ (v.kind),
  anonymous: v.anonymous,
  opens_at: warsawIso(v.opensDate, v.opensTime) || '',
  closes_at: warsawIso(v.closesDate, v.closesTime) || '',
  questions: v.questions.map(questionArgs),
});

/**
 * Which question each refusal is about: the list's own rules, question by question.
 * @param {string} name @param {SurveyDraft} v @param {Record<string, any>} fields
 */
function perQuestion(name, v, fields) {
  const each = v.questions.map((q, i) => {
    /** @type {Record<string, any>} */
    const own = fields.questions ? itemErrors(name, 'questions', questionArgs(q)) : {};
    const options = fields.questions ? optionsError(questionArgs(q)) : null;
    if (options) own.options = options;
    return own;
  });
  return { ...fields, questionItems: each };
}

/** @param {{networkId: string, survey: Record<string, any> | null}} props */
function SurveyForm({ networkId, survey }) {
  const form = useDraftForm(survey ? `survey-edit:${survey.id}` : `survey-new:${networkId}`, startFrom(survey));
  const v = form.values;
  const e = form.errors;
  const name = survey ? 'survey.update' : 'survey.create';

  /** @param {'needs'|'evaluation'|null} kind */
  const begin = (kind) => {
    const template = kind ? SURVEY_TEMPLATES[kind] : null;
    if (template) {
      // The template's words fill the draft; set() then writes the whole draft once.
      Object.assign(v, { title: template.title, kind: template.kind, anonymous: template.anonymous,
        questions: template.questions.map((q) => ({ ...q, optionsText: (q.options || []).join('\n') })) });
    }
    form.set('started', true);
  };

  const submit = form.submitter(
    () => surveyArgs(v),
    async (args) => {
      try {
        return survey ? (await updateSurvey(survey.id, args), survey.id) : await createSurvey(networkId, args);
      } catch (err) {
        if (!(err instanceof MutationError)) throw err;
        if (err.fields) err.fields = /** @type {any} */ (perQuestion(name, v, err.fields));
        throw err.fields ? err : new MutationError(err.code, { form: refusedText(err) });
      }
    },
    (id) => {
      form.clear();
      go(`#/s/${id}`);
    },
  );

  if (!v.started) {
    return (
      <section class="card form" data-testid="survey-start">
        <h1 class="form-title">{t('surveyForm.newTitle')}</h1>
        <h2>{t('surveyForm.start')}</h2>
        {[['needs', 'fromNeeds'], ['evaluation', 'fromEvaluation'], [null, 'fromScratch']].map(([kind, key]) => (
          <button type="button" class="choice-card" key={key} data-testid={`survey-start-${kind || 'blank'}`}
            onClick={() => begin(/** @type {any} */ (kind))}>
            <strong>{t(`surveyForm.${key}`)}</strong>
            <span class="muted">{t(`surveyForm.${key}Hint`)}</span>
          </button>
        ))}
      </section>
    );
  }

  /** @param {QuestionDraft[]} questions */
  const setQuestions = (questions) => {
    form.set('questions', questions);
    if (e.questionItems || e.questions) form.setErrors({ ...e, questionItems: undefined, questions: undefined });
  };
  /** @param {'opensDate'|'opensTime'|'closesDate'|'closesTime'} field @param {string} value */
  const setWhen = (field, value) => {
    form.set(field, value);
    if (e.opens_at || e.closes_at) form.setErrors({ ...e, opens_at: undefined, closes_at: undefined });
  };

  return (
    <form class="card form survey-form" onSubmit={submit} noValidate data-testid="survey-form">
      <h1 class="form-title">{survey ? t('surveyForm.editTitle') : t('surveyForm.newTitle')}</h1>
      <p class="field-hint">{t('surveyForm.editHint')}</p>
      <Field id="sv-title" label={t('surveyForm.title')} error={e.title} limits={{ min: 1, max: 200 }}>
        <input id="sv-title" type="text" value={v.title} maxLength={200} data-testid="survey-title-input"
          onInput={(ev) => form.set('title', valueOf(ev))} />
      </Field>
      <label class="check">
        <input type="checkbox" checked={v.anonymous} data-testid="survey-anonymous"
          onChange={(ev) => form.set('anonymous', /** @type {HTMLInputElement} */ (ev.currentTarget).checked)} />
        {t('surveyForm.anonymous')}
      </label>
      {[['opens', 'opensDate', 'opensTime', 'opens_at'], ['closes', 'closesDate', 'closesTime', 'closes_at']].map(([key, d, h, arg]) => (
        <fieldset class="field survey-when" key={key}>
          <legend>{t(`surveyForm.${key}`)}</legend>
          <div class="two-up">
            <input type="date" aria-label={t('surveyForm.date')} value={/** @type {any} */ (v)[d]} data-testid={`survey-${key}-date`}
              onInput={(ev) => setWhen(/** @type {any} */ (d), valueOf(ev))} />
            <input type="time" aria-label={t('surveyForm.time')} value={/** @type {any} */ (v)[h]} data-testid={`survey-${key}-time`}
              onInput={(ev) => setWhen(/** @type {any} */ (h), valueOf(ev))} />
          </div>
          <FieldError error={e[arg]} testid={`survey-${key}-error`} />
        </fieldset>
      ))}
      <h2>{t('surveyForm.questions')}</h2>
      <FieldError error={e.questions && !e.questionItems?.some((/** @type {any} */ q) => Object.keys(q).length) ? e.questions : null} />
      {v.questions.map((q, i) => (
        <QuestionEditor key={q.id} index={i} question={q} errors={e.questionItems?.[i]}
          onChange={(next) => setQuestions(v.questions.map((x, j) => (j === i ? next : x)))}
          onRemove={v.questions.length > 1 ? () => setQuestions(v.questions.filter((_, j) => j !== i)) : undefined}
          onUp={i > 0 ? () => setQuestions([...v.questions.slice(0, i - 1), q, v.questions[i - 1], ...v.questions.slice(i + 1)]) : undefined} />
      ))}
      <button type="button" class="btn-secondary btn-block" data-testid="survey-question-add"
        onClick={() => setQuestions([...v.questions, newQuestion()])}>{t('surveyForm.add')}</button>
      <FormStatus form={form} />
      <button type="submit" class="btn-primary wide" disabled={form.busy} data-testid="survey-save">{t('surveyForm.save')}</button>
    </form>
  );
}
