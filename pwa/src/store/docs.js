/**
 * Co-edited documents on the device: each one in an IndexedDB database of its own,
 * "krag-doc:<doc id>", in y-indexeddb's format (its updates, compacted after a few
 * hundred). So a document opens offline and keeps what she typed across restarts; the
 * provider (sync/docs/provider.js) brings it in step with the server when there is one.
 */
import { IndexeddbPersistence } from 'y-indexeddb';

const PREFIX = 'krag-doc:';

/**
 * @param {string} docId
 * @param {import('yjs').Doc} doc
 * @returns {{loaded: Promise<unknown>, close: () => Promise<void>}}
 */
export function keepOnDevice(docId, doc) {
  const kept = new IndexeddbPersistence(PREFIX + docId, doc);
  return { loaded: kept.whenSynced, close: () => kept.destroy() };
}

/** Every document kept on this device is dropped (signing out: they are her network's words). */
export async function forgetDocs() {
  const all = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  await Promise.all(all.filter((d) => d.name?.startsWith(PREFIX)).map((d) => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(/** @type {string} */ (d.name));
    request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined);
  })));
}
