/**
 * Local versions of the surveys' mutators (server/surveys/): a survey built,
 * changed before it opens, closed; her answer, checked against its questions
 * as the server checks it. A named survey's answer is her `survey_response`
 * row; an anonymous one's stays on her device (store/surveys.js keeps it with
 * its key, writes.js), and only the marker that she answered is a row.
 */
import { actor, isActive, membershipOf, mustBeValid, MutationError, requireManager, trimmed } from '../mutation-kit.js';
import { check } from '../rules.js';
import { checkAnswers, openAt } from './answers.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

const EDITABLE = ['title', 'anonymous', 'opens_at', 'closes_at', 'questions'];
const ANSWERERS = ['coordinator', 'member'];

/** "<survey_id>:<user_id>": her response's id and her marker's. @param {string} surveyId @param {string} userId */
export const answerId = (surveyId, userId) => `${surveyId}:${userId}`;

/** @param {RowTx} rows @param {string} id */
async function surveyOf(rows, id) {
  const survey = await rows.get('survey', id);
  if (!survey) throw new MutationError('not_found');
  return survey;
}

/** @param {any[]} questions */
const cleanQuestions = (questions) =>
  (questions || []).map((q) => ({
    id: q.id,
    kind: q.kind,
    text: trimmed(q.text),
    options: (q.options || []).map(trimmed),
    required: q.required === true,
  }));

/** @type {import('../mutation-kit.js').MutatorTable} */
export const surveyMutators = {
  async 'survey.create'(rows, args, { at }) {
    await requireManager(rows, args.network_id, at);
    if (await rows.get('survey', args.id)) throw new MutationError('conflict');
    await rows.put('survey', {
      id: args.id,
      network_id: args.network_id,
      title: trimmed(args.title),
      kind: args.kind,
      anonymous: args.anonymous === true,
      opens_at: new Date(args.opens_at).toISOString(),
      closes_at: new Date(args.closes_at).toISOString(),
      questions: cleanQuestions(args.questions),
      created_by: actor(),
      created_at: at,
      edited_at: null,
    });
  },

  async 'survey.update'(rows, args, { at }) {
    const survey = await surveyOf(rows, args.id);
    await requireManager(rows, survey.network_id, at);
    if (Date.parse(survey.opens_at) <= Date.parse(at)) throw new MutationError('started');
    /** @type {{id: string} & Record<string, any>} */
    const fields = { ...survey, id: survey.id };
    for (const key of EDITABLE) if (key in args) fields[key] = args[key];
    mustBeValid(check('survey.update', { ...fields, id: survey.id }));  // the stored fields with hers
    if ('title' in args) fields.title = trimmed(args.title);
    if ('opens_at' in args) fields.opens_at = new Date(args.opens_at).toISOString();
    if ('closes_at' in args) fields.closes_at = new Date(args.closes_at).toISOString();
    if ('questions' in args) fields.questions = cleanQuestions(args.questions);
    delete fields.pending;
    await rows.put('survey', { ...fields, edited_at: at });
  },

  async 'survey.close'(rows, args, { at }) {
    const survey = await surveyOf(rows, args.id);
    await requireManager(rows, survey.network_id, at);
    if (Date.parse(survey.closes_at) <= Date.parse(at)) return;
    const now = new Date(at).toISOString();
    const opensAt = Date.parse(survey.opens_at) > Date.parse(at) ? now : survey.opens_at;
    const { pending: _, ...row } = survey;
    await rows.put('survey', { ...row, id: survey.id, opens_at: opensAt, closes_at: now, edited_at: at });
  },

  async 'survey.answer'(rows, args, { at }) {
    const survey = await surveyOf(rows, args.survey_id);
    const m = await membershipOf(rows, survey.network_id, actor());
    if (!isActive(m, at) || !ANSWERERS.includes(m?.role)) throw new MutationError('forbidden');
    const network = await rows.get('network', survey.network_id);
    if (network?.status === 'archived') throw new MutationError('archived');
    const when = args.at || at;
    const timing = openAt(survey, when);
    if (timing) throw new MutationError(/** @type {any} */ (timing));
    if (survey.anonymous && !args.key) throw new MutationError('invalid', { key: 'required' });
    const { kept, errors } = checkAnswers(survey.questions, args.answers);
    if (Object.keys(errors).length) throw new MutationError('invalid', errors);
    const id = answerId(survey.id, actor());
    if (!survey.anonymous) {
      const held = await rows.get('survey_response', id);
      if (!held?.at || Date.parse(when) >= Date.parse(held.at)) {
        await rows.put('survey_response', { id, survey_id: survey.id, user_id: actor(), answers: kept, at: when });
      }
    }
    if (!(await rows.get('survey_answered', id))) {
      await rows.put('survey_answered', { id, survey_id: survey.id, user_id: actor(), at });
    }
  },
};
