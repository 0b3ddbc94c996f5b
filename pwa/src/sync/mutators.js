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

/** @type {MutatorTable} */
export const mutators = Object.fromEntries(
  Object.entries(domains).map(([name, run]) => {
    rulesOf(name); // a local mutator the server does not know is a mistake: fail at load
    /** @type {import('./mutation-kit.js').MutatorTable[string]} */
    const checked = async (rows, args, ctx) => {
      mustBeValid(check(name, args, ctx.at.slice(0, 10)));
      await run(rows, args, ctx);
    };
    return [name, checked];
  }),
);
