/**
 * Reads for the surveys' screens: a network's surveys (open first, then
 * coming, then closed), one survey with her own answers and, for those who
 * run it, how many have answered; and her keys of anonymous surveys (made on
 * this device, never read back from the server: only she holds them).
 */
import { db } from './db.js';
import { notify } from './changes.js';
import { SURVEY_KEYS, toRow } from './schema.js';
import { rows, time } from './plain.js';

/**
 * A survey's state at `now`: 'coming' (not opened), 'open', 'closed'.
 * @param {Record<string, any>} s {opens_at, closes_at} @param {string} [now]
 */
export function surveyState(s, now = new Date().toISOString()) {
  const t = time(now);
  if (t < time(s.opens_at)) return 'coming';
  return t <= time(s.closes_at) ? 'open' : 'closed';
}

/**
 * A network's surveys, each with `state` and `answered` (she has answered it):
 * open ones first (closing soonest first), then coming, then closed (newest first).
 * @param {string} networkId @param {string} userId @param {string} [now]
 */
export async function surveysOf(networkId, userId, now = new Date().toISOString()) {
  const tx = (await db()).transaction(['surveys', 'survey_answered']);
  const list = rows(await tx.objectStore('surveys').index('network_id').getAll(networkId));
  const answered = await Promise.all(list.map((s) => tx.objectStore('survey_answered').get(`${s.id}:${userId}`)));
  await tx.done;
  /** @type {Record<string, number>} */
  const order = { open: 0, coming: 1, closed: 2 };
  return list
    .map((s, i) => /** @type {Record<string, any>} */ ({ ...s, state: surveyState(s, now), answered: !!toRow(answered[i]) }))
    .sort((a, b) => order[a.state] - order[b.state] ||
      (a.state === 'closed' ? time(b.closes_at) - time(a.closes_at) : time(a.closes_at) - time(b.closes_at)));
}

/**
 * One survey and what its screens show: her answers (a named survey's from
 * her response row, an anonymous one's from this device), whether she has
 * answered, and how many have (the coordinator's device holds every marker).
 * @param {string} surveyId @param {string} userId
 */
export async function surveyBundle(surveyId, userId) {
  const tx = (await db()).transaction(['surveys', 'survey_responses', 'survey_answered', SURVEY_KEYS]);
  const survey = toRow(await tx.objectStore('surveys').get(surveyId));
  const response = toRow(await tx.objectStore('survey_responses').get(`${surveyId}:${userId}`));
  const markers = rows(await tx.objectStore('survey_answered').index('survey_id').getAll(surveyId));
  const kept = await tx.objectStore(SURVEY_KEYS).get(surveyId);
  await tx.done;
  const mine = survey?.anonymous ? kept?.answers || null : response?.answers || null;
  return {
    survey,
    mine,
    answered: markers.some((m) => m.user_id === userId),
    answeredCount: markers.length,
  };
}

/** 32 random bytes as base64url (43 characters), as the server's key pattern wants. */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Her key of an anonymous survey, made on her first answer and kept for every
 * later one: the server finds her response only by its hash.
 * @param {string} surveyId @returns {Promise<string>}
 */
export async function surveyKey(surveyId) {
  const tx = (await db()).transaction(SURVEY_KEYS, 'readwrite');
  const held = await tx.store.get(surveyId);
  if (held) {
    await tx.done;
    return held.key;
  }
  const key = newKey();
  await tx.store.put({ survey_id: surveyId, key, answers: null, at: null });
  await tx.done;
  return key;
}

/**
 * What she answered to an anonymous survey, kept beside its key (the server
 * will not tell it back). @param {string} surveyId @param {Record<string, any>} answers @param {string} at
 */
export async function keepMyAnswers(surveyId, answers, at) {
  const tx = (await db()).transaction(SURVEY_KEYS, 'readwrite');
  const held = await tx.store.get(surveyId);
  if (held) await tx.store.put({ ...held, answers, at });
  await tx.done;
  notify();
}
