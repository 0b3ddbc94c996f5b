/**
 * Where the device keeps its co-edited documents: an IndexedDB database each, named
 * "krag-doc:<doc id>" (store/docs.js), and how they all go when she signs out. Apart from
 * docs.js so that signing out fetches no Yjs.
 */
export const PREFIX = 'krag-doc:';

/** Every document kept on this device is dropped (signing out: they are her network's words). */
export async function forgetDocs() {
  const all = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  await Promise.all(all.filter((d) => d.name?.startsWith(PREFIX)).map((d) => new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(/** @type {string} */ (d.name));
    request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined);
  })));
}
