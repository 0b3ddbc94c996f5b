/**
 * Co-edited documents on the device: each one in an IndexedDB database of its own,
 * "krag-doc:<doc id>", in y-indexeddb's format (its updates, compacted after a few
 * hundred). So a document opens offline and keeps what she typed across restarts; the
 * provider (sync/docs/provider.js) brings it in step with the server when there is one.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { PREFIX } from './docnames.js';

export { forgetDocs } from './docnames.js';

/**
 * @param {string} docId
 * @param {import('yjs').Doc} doc
 * @returns {{loaded: Promise<unknown>, close: () => Promise<void>}}
 */
export function keepOnDevice(docId, doc) {
  const kept = new IndexeddbPersistence(PREFIX + docId, doc);
  return { loaded: kept.whenSynced, close: () => kept.destroy() };
}
