/**
 * The store: everything the app keeps in IndexedDB. The only door to it.
 */
export { subscribe, notify } from './changes.js';
export { deleteDatabase, onDatabaseDeleted } from './db.js';
export { getMeta, setMeta } from './meta.js';
export {
  runLocalMutation,
  outboxBatch,
  applyPushResults,
  renumberOutbox,
  setAsideStuck,
  retryRejected,
  applyPull,
} from './outbox.js';
export * from './queries.js';
export { getDraft, saveDraft } from './drafts.js';
export { forgetServerRows } from './reset.js';
export * from './networks.js';
export { collator } from './plain.js';
export * from './forum.js';
export * from './library.js';
export { overwrittenOf, forgetOverwritten } from './overwritten.js';
export * from './meetings.js';
export * from './surveys.js';
export * from './files.js';
export { searchLocal } from './search.js';
export { holdFetched, pruneOldPosts } from './growth.js';
export { keepOnDevice, keptOnDevice } from './persist.js';
export { networkSizes } from './sizes.js';
