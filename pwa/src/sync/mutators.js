/**
 * Every local (optimistic) mutator, one table from each domain's folder, in
 * the shape the store runs them (store/rows.js): the same functions run when
 * she writes and again at every rebase, so they must be pure functions of
 * (rows, args, ctx): the time comes from ctx, when she wrote, not the clock.
 * Each first checks its arguments against the server's rules (rules.js):
 * a refusal is a MutationError('invalid') whose `fields` the forms show.
 */
import { mustBeValid } from './mutation-kit.js';
import { check, rulesOf } from './rules.js';
import { accountsMutators } from './accounts/mutators.js';
import { passkeyMutators } from './accounts/passkey-mutators.js';
import { orgMutators } from './org/mutators.js';
import { networkMutators } from './networks/mutators.js';
import { forumMutators } from './forum/mutators.js';
import { notificationMutators } from './notifications/mutators.js';
import { libraryMutators } from './library/mutators.js';
import { filesMutators } from './files/mutators.js';
import { meetingMutators } from './meetings/mutators.js';
import { surveyMutators } from './surveys/mutators.js';
import { reportMutators } from './reports/mutators.js';

/** @typedef {import('./mutation-kit.js').MutatorTable} MutatorTable */

/** @type {MutatorTable} */
const domains = {
  ...accountsMutators,
  ...passkeyMutators,
  ...orgMutators,
  ...networkMutators,
  ...forumMutators,
  ...notificationMutators,
  ...libraryMutators,
  ...filesMutators,
  ...meetingMutators,
  ...surveyMutators,
  ...reportMutators,
};

/** @param {string} name @param {MutatorTable[string]} run @returns {[string, MutatorTable[string]]} */
function checked(name, run) {
  rulesOf(name); // a local mutator the server does not know is a mistake: fail at load
  return [name, async (rows, args, ctx) => {
    mustBeValid(check(name, args, ctx.at.slice(0, 10)));
    await run(rows, args, ctx);
  }];
}

/** @type {MutatorTable} */
export const mutators = Object.fromEntries(Object.entries(domains).map(([name, run]) => checked(name, run)));

/**
 * A domain whose writes are made only on screens that come in chunks of their own (the annual
 * plan: sync/plans/index.js) adds its local mutators when that chunk loads, keeping them out of
 * the first load. Until then a rebase skips its waiting writes (the server's rows show), and
 * they are pushed all the same. @param {MutatorTable} table
 */
export function addMutators(table) {
  for (const [name, run] of Object.entries(table)) mutators[name] = checked(name, run)[1];
}
