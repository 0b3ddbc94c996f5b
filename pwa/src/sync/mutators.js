/**
 * Every local (optimistic) mutator, one table from each domain's folder, in
 * the shape the store runs them (store/rows.js): the same functions run when
 * she writes and again at every rebase, so they must be pure functions of
 * (rows, args, ctx): the time comes from ctx, when she wrote, not the clock.
 */
import { accountsMutators } from './accounts/mutators.js';
import { orgMutators } from './org/mutators.js';
import { networkMutators } from './networks/mutators.js';
import { forumMutators } from './forum/mutators.js';
import { notificationMutators } from './notifications/mutators.js';
import { libraryMutators } from './library/mutators.js';
import { filesMutators } from './files/mutators.js';

/** @type {import('./mutation-kit.js').MutatorTable} */
export const mutators = {
  ...accountsMutators,
  ...orgMutators,
  ...networkMutators,
  ...forumMutators,
  ...notificationMutators,
  ...libraryMutators,
  ...filesMutators,
};
