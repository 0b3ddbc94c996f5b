/**
 * Her files (server/files/): picked files hashed, attached to a new post or
 * practice in its own write's transaction (`attached`) or to one that exists
 * (`attach`), and removed. Each `attachment.add` waits beside the outbox until
 * its bytes are up (uploader.js).
 */
import * as store from '../../store/index.js';
import { mutate } from '../writes.js';
import { mutators } from '../mutators.js';
import { uuid } from '../uuid.js';

/** @typedef {import('../../store/files.js').Picked} Picked */

/**
 * Reads and hashes a picked file: the SHA-256 names it on the server.
 * @param {File} file @returns {Promise<Picked>}
 */
export async function hashFile(file) {
  if (!crypto.subtle) throw new Error('insecure_context'); // only https (or localhost) may hash
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { sha256, blob: file, name: file.name };
}

/**
 * Each file with the `attachment.add` arguments that name it under `parent`.
 * @param {Picked[]} files @param {{post_id?: string, resource_id?: string, meeting_id?: string}} parent
 * @returns {import('../../store/files.js').Attached[]}
 */
export const attached = (files, parent) =>
  files.map((file) => ({ file, args: { id: uuid(), ...parent, sha256: file.sha256, name: file.name } }));

/** Files for a post or practice that exists. @param {{post_id?: string, resource_id?: string, meeting_id?: string}} parent @param {Picked[]} files */
export async function attach(parent, files) {
  await store.attachFiles(attached(files, parent), mutators);
  filesWaiting();
}

/** @type {() => void} */
let filesWaiting = () => {};

/** @param {() => void} fn called when files wait with no outbox entry to push (the uploader looks) */
export function onFilesWaiting(fn) {
  filesWaiting = fn;
}

/** @param {string} attachmentId */
export const removeAttachment = (attachmentId) => mutate('attachment.remove', { id: attachmentId });
