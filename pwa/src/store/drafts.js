/**
 * Drafts: what she is typing, kept on the device as she types. IndexedDB holds them,
 * but its writes land a moment later and a tab closed in that moment loses them; so
 * each keystroke is first written, synchronously, to a write-ahead copy in
 * localStorage, dropped once IndexedDB holds the same text.
 */
import { db, openNow } from './db.js';
import { DRAFTS } from './schema.js';
import { forgetAhead, readAhead, writeAhead } from './ahead.js';

/** @param {string} key @returns {Promise<string>} */
export async function getDraft(key) {
  const ahead = readAhead(key);
  if (ahead !== null) return ahead;
  return (await (await db()).get(DRAFTS, key)) || '';
}

/**
 * Empty text removes the draft. The write-ahead copy is in place before this returns;
 * the IndexedDB write starts at once (committed, not left for the task's end).
 * @param {string} key @param {string} text
 */
export function saveDraft(key, text) {
  writeAhead(key, text);
  const now = openNow();
  const landed = () => readAhead(key) === text && forgetAhead(key);
  return (now ? writeDraft(now, key, text) : db().then((d) => writeDraft(d, key, text))).then(landed);
}

/** @param {import('idb').IDBPDatabase} d @param {string} key @param {string} text */
function writeDraft(d, key, text) {
  const tx = d.transaction(DRAFTS, 'readwrite');
  if (text) tx.store.put(text, key);
  else tx.store.delete(key);
  tx.commit();
  return tx.done;
}
