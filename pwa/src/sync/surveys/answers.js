/**
 * Whether her answers fit a survey's questions, as server/surveys/answers.py
 * judges them: the same codes per question (`answers.<question_id>`), so the
 * answering screen shows each under its question, offline too.
 */
import { SURVEY_LIMITS } from '../rules.js';

/** @param {unknown} value */
export const blank = (value) =>
  value === null || value === undefined || (typeof value === 'string' && !value.trim()) ||
  (Array.isArray(value) && value.length === 0);

/**
 * The value as kept, or a code.
 * @param {{kind: string, options?: string[]}} q @param {any} value
 * @returns {{value?: any, code?: string}}
 */
function fit(q, value) {
  const options = q.options || [];
  if (q.kind === 'single') {
    if (Array.isArray(value)) return { code: 'only_one' };
    return options.includes(value) ? { value } : { code: 'not_offered' };
  }
  if (q.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : [value];
    if (chosen.some((v) => typeof v !== 'string' || !options.includes(v))) return { code: 'not_offered' };
    if (new Set(chosen).size !== chosen.length) return { code: 'twice' };
    return { value: options.filter((o) => chosen.includes(o)) }; // in the survey's order
  }
  if (q.kind === 'scale') {
    const ok = Number.isInteger(value) && value >= SURVEY_LIMITS.scale_min && value <= SURVEY_LIMITS.scale_max;
    return ok ? { value } : { code: 'scale' };
  }
  if (typeof value !== 'string') return { code: 'text' };
  const text = value.trim();
  return [...text].length > SURVEY_LIMITS.text_answer_max ? { code: 'too_long' } : { value: text };
}

/**
 * Her answers fitted to the questions (blank ones left out) and what is wrong, by field.
 * @param {{id: string, kind: string, options?: string[], required?: boolean}[]} questions
 * @param {Record<string, any>} answers
 * @returns {{kept: Record<string, any>, errors: Record<string, string>}}
 */
export function checkAnswers(questions, answers) {
  /** @type {Record<string, any>} */
  const kept = {};
  /** @type {Record<string, string>} */
  const errors = {};
  const ids = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers || {})) if (!ids.has(id)) errors[`answers.${id}`] = 'unknown_question';
  for (const q of questions) {
    const value = answers?.[q.id];
    if (blank(value)) {
      if (q.required) errors[`answers.${q.id}`] = 'required';
      continue;
    }
    const out = fit(q, value);
    if (out.code) errors[`answers.${q.id}`] = out.code;
    else kept[q.id] = out.value;
  }
  return { kept, errors };
}

/**
 * Is it open at `at` (device time)? 'not_open', 'closed' or null.
 * @param {Record<string, any>} survey {opens_at, closes_at} @param {string} at
 */
export function openAt(survey, at) {
  const t = Date.parse(at);
  if (t < Date.parse(survey.opens_at)) return 'not_open';
  if (t > Date.parse(survey.closes_at)) return 'closed';
  return null;
}
