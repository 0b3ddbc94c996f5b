/**
 * Her writes about surveys (server/surveys/): built from a template or from
 * scratch, changed before it opens, closed, answered (with the device's time:
 * an answer made before the close counts whenever it syncs). An anonymous
 * survey's answer goes with her device's key for it, and stays on the device
 * (store/surveys.js), since the server never tells anyone — her either — which
 * answers are hers.
 */
import * as store from '../../store/index.js';
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';

/**
 * @typedef {{id: string, kind: 'single'|'multiple'|'scale'|'text', text: string, options?: string[], required: boolean}} Question
 * @typedef {{title: string, kind: 'needs'|'evaluation'|'custom', anonymous: boolean, opens_at: string,
 *   closes_at: string, questions: Question[]}} SurveyFields
 */

/** @param {string} networkId @param {SurveyFields} fields @returns {Promise<string>} its id */
export async function createSurvey(networkId, fields) {
  const id = uuid();
  await mutate('survey.create', { id, network_id: networkId, ...fields });
  return id;
}

/** @param {string} id @param {Partial<SurveyFields>} fields */
export const updateSurvey = (id, fields) => mutate('survey.update', { id, ...fields });

/** @param {string} id */
export const closeSurvey = (id) => mutate('survey.close', { id });

/**
 * @param {{id: string, anonymous: boolean}} survey @param {Record<string, any>} answers
 */
export async function answerSurvey(survey, answers) {
  const at = new Date().toISOString();
  if (!survey.anonymous) return mutate('survey.answer', { survey_id: survey.id, answers, at });
  const key = await store.surveyKey(survey.id);
  await mutate('survey.answer', { survey_id: survey.id, answers, at, key });
  await store.keepMyAnswers(survey.id, answers, at); // only once the local mutator took them
}
