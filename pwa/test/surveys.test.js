/** The surveys' local mutators: built, changed before opening, closed, answered (checked as the server checks), anonymous on the device. */
import './setup.js';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { AT, ME, NETWORK, OTHER, aForum, freshDevice, outboxNames, serverHas, store, uuid, write } from './world.js';
import { MutationError } from '../src/sync/mutation-kit.js';
import { answerSurvey } from '../src/sync/surveys/writes.js';
import { SURVEY_TEMPLATES } from '../src/sync/surveys/templates.js';
import { checkAnswers } from '../src/sync/surveys/answers.js';

const DAY = 24 * 3600_000;
/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();
/** @param {string} code */
const refusal = (code) => (/** @type {any} */ err) => err instanceof MutationError && err.code === code;

const QUESTIONS = [
  { id: 'forma', kind: 'single', text: 'Forma?', options: ['Stacjonarnie', 'Online'], required: true },
  { id: 'tematy', kind: 'multiple', text: 'Tematy?', options: ['A', 'B', 'C'], required: false },
  { id: 'ocena', kind: 'scale', text: 'Ocena?', options: [], required: true },
  { id: 'uwagi', kind: 'text', text: 'Uwagi?', options: [], required: false },
];

/** @param {string} role */
async function aNetwork(role) {
  await aForum();
  await serverHas([{ type: 'membership', id: uuid(), network_id: NETWORK, user_id: ME, role, status: 'active', expires_at: null, created_at: AT }]);
}

/** A survey the server has, open now unless told. @param {{opensIn?: number, anonymous?: boolean}} [opts] */
async function aSurvey({ opensIn = -DAY, anonymous = false } = {}) {
  const id = uuid();
  const opens = Date.now() + opensIn;
  await serverHas([{ type: 'survey', id, network_id: NETWORK, title: 'Diagnoza', kind: 'needs', anonymous,
    opens_at: iso(opens), closes_at: iso(opens + 14 * DAY), questions: QUESTIONS, created_by: OTHER, created_at: AT, edited_at: null }]);
  return id;
}

beforeEach(freshDevice);

test('a coordinator builds a survey from the template: it shows at once, in UTC', async () => {
  await aNetwork('coordinator');
  const id = uuid();
  const t = SURVEY_TEMPLATES.needs;
  await write('survey.create', { id, network_id: NETWORK, title: t.title, kind: t.kind, anonymous: false,
    opens_at: '2027-01-10T08:00:00+01:00', closes_at: '2027-01-24T20:00:00+01:00', questions: t.questions });
  const s = await store.getRow('survey', id);
  assert.equal(s.opens_at, '2027-01-10T07:00:00.000Z');
  assert.equal(s.questions.length, t.questions.length);
  assert.ok(s.pending);
  assert.deepEqual(await outboxNames(), ['survey.create']);
});

test('a member may not build one; a choice question needs two options; it closes after it opens', async () => {
  await aNetwork('member');
  const args = { id: uuid(), network_id: NETWORK, title: 'X', kind: 'custom', opens_at: iso(Date.now()), closes_at: iso(Date.now() + DAY), questions: QUESTIONS };
  await assert.rejects(write('survey.create', args), refusal('forbidden'));
  await freshDevice();
  await aNetwork('coordinator');
  await assert.rejects(write('survey.create', { ...args, questions: [{ ...QUESTIONS[0], options: ['Tylko jedna'] }] }),
    (/** @type {any} */ e) => e.fields?.questions === 'question_options');
  await assert.rejects(write('survey.create', { ...args, closes_at: args.opens_at }),
    (/** @type {any} */ e) => e.fields?.closes_at === 'closes_before');
});

test('it changes only before it opens, and closes now', async () => {
  await aNetwork('coordinator');
  const later = await aSurvey({ opensIn: DAY });
  await write('survey.update', { id: later, title: 'Nowy tytuł' });
  assert.equal((await store.getRow('survey', later)).title, 'Nowy tytuł');
  const open = await aSurvey();
  await assert.rejects(write('survey.update', { id: open, title: 'Za późno' }), refusal('started'));
  await write('survey.close', { id: open });
  assert.ok(Date.parse((await store.getRow('survey', open)).closes_at) <= Date.now());
});

test('her answer is checked like the server checks it, question by question', () => {
  const { errors } = checkAnswers(QUESTIONS, { forma: ['Online', 'Stacjonarnie'], tematy: ['Z'], ocena: 7, uwagi: 3, obce: 'x' });
  assert.deepEqual(errors, { 'answers.obce': 'unknown_question', 'answers.forma': 'only_one', 'answers.tematy': 'not_offered',
    'answers.ocena': 'scale', 'answers.uwagi': 'text' });
  assert.deepEqual(checkAnswers(QUESTIONS, { tematy: ['C', 'A'] }).errors, { 'answers.forma': 'required', 'answers.ocena': 'required' });
  assert.deepEqual(checkAnswers(QUESTIONS, { forma: 'Online', tematy: ['C', 'A'], ocena: 5, uwagi: ' ok ' }).kept,
    { forma: 'Online', tematy: ['A', 'C'], ocena: 5, uwagi: 'ok' });
});

test('a member answers offline: her response and her marker wait, and a new answer replaces it', async () => {
  await aNetwork('member');
  const id = await aSurvey();
  await answerSurvey({ id, anonymous: false }, { forma: 'Online', ocena: 4 });
  await answerSurvey({ id, anonymous: false }, { forma: 'Stacjonarnie', ocena: 4 });
  const bundle = await store.surveyBundle(id, ME);
  assert.deepEqual(bundle.mine, { forma: 'Stacjonarnie', ocena: 4 });
  assert.equal(bundle.answered, true);
  assert.deepEqual(await outboxNames(), ['survey.answer', 'survey.answer']);
  const [list] = await store.surveysOf(NETWORK, ME);
  assert.equal(list.state, 'open');
  assert.equal(list.answered, true);
});

test('an anonymous answer goes with her key and stays on her device only', async () => {
  await aNetwork('member');
  const id = await aSurvey({ anonymous: true });
  await answerSurvey({ id, anonymous: true }, { forma: 'Online', ocena: 2 });
  await answerSurvey({ id, anonymous: true }, { forma: 'Online', ocena: 3 });
  const { entries } = await store.outboxBatch(10);
  const keys = entries.map((e) => /** @type {any} */ (e.args).key);
  assert.match(keys[0], /^[A-Za-z0-9_-]{43}$/);
  assert.equal(keys[0], keys[1]); // the same key: the server changes the same response
  assert.equal(await store.getRow('survey_response', `${id}:${ME}`), null);
  assert.deepEqual((await store.surveyBundle(id, ME)).mine, { forma: 'Online', ocena: 3 });
});

test('an unopened or closed survey takes no answer; an expert is not asked', async () => {
  await aNetwork('member');
  const later = await aSurvey({ opensIn: DAY });
  await assert.rejects(write('survey.answer', { survey_id: later, answers: { forma: 'Online', ocena: 1 }, at: iso(Date.now()) }), refusal('not_open'));
  const old = await aSurvey({ opensIn: -30 * DAY });
  await assert.rejects(write('survey.answer', { survey_id: old, answers: { forma: 'Online', ocena: 1 }, at: iso(Date.now()) }), refusal('closed'));
  await freshDevice();
  await aNetwork('expert');
  const open = await aSurvey();
  await assert.rejects(write('survey.answer', { survey_id: open, answers: { forma: 'Online', ocena: 1 } }), refusal('forbidden'));
});
