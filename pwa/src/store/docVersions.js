/**
 * Reads for a co-edited document's history: its named versions (rows only; the bytes of one
 * come from the server when she opens it, sync/docs/versions.js).
 */
import { db } from './db.js';
import { rows } from './plain.js';

/** A document's named versions, newest first. @param {string} docId */
export async function versionsOf(docId) {
  const list = rows(await (await db()).getAllFromIndex('doc_versions', 'doc', docId));
  return list.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));
}
