/**
 * The app's words, Polish first, one part per area of the app (messages/).
 * A value is a string, or plural forms chosen by Intl.PluralRules
 * ({one, few, many, other}) with the count in `n`. Placeholders: {name}.
 *
 * @typedef {Record<string, string | Record<string, string>>} Words
 * @typedef {Record<'pl'|'en', Words>} Part
 */
import { core } from './messages/core.js';
import { networks } from './messages/networks.js';
import { requests } from './messages/requests.js';
import { people } from './messages/people.js';
import { forum } from './messages/forum.js';
import { library } from './messages/library.js';
import { meetings } from './messages/meetings.js';
import { passkeys } from './messages/passkeys.js';
import { surveys } from './messages/surveys.js';
import { sessions } from './messages/sessions.js';
import { reports } from './messages/reports.js';
import { plans } from './messages/plans.js';

const parts = [core, networks, requests, people, forum, library, meetings, passkeys, surveys, sessions, reports, plans];

/** @type {Part} */
export const messages = {
  pl: Object.assign({}, ...parts.map((p) => p.pl)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};
