/**
 * Forgets the server's rows and the cursor (the server no longer knows our
 * cursor): the next pull starts from nothing. Outbox, rejected list and drafts
 * stay — they are the user's own words.
 */
import { db } from './db.js';
import { META, ROW_STORE_NAMES } from './schema.js';
import { notify } from './changes.js';

export async function forgetServerRows() {
  const tx = (await db()).transaction([...ROW_STORE_NAMES, META], 'readwrite');
  for (const name of ROW_STORE_NAMES) await tx.objectStore(name).clear();
  await tx.objectStore(META).delete('cursor');
  await tx.done;
  notify();
}
