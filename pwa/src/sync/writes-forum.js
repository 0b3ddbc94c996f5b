/**
 * Her writes in the forum, the library and her notifications. Each is one
 * named mutation through writes.js's `mutate` (store + outbox in one
 * transaction); files picked for a new post or practice land in that same
 * transaction, their `attachment.add`s set aside until the bytes are up.
 */
import * as store from '../store/index.js';
import { mutate } from './writes.js';
import { storeMutators } from './mutators.js';
import { uuid } from './uuid.js';

/** @typedef {import('../store/files.js').Picked} Picked */

/** The limit the server sets by default (KRAG_FILE_MAX_MB); it does not tell us its own. */
export const FILE_MAX_MB = 20;
/** What the server takes (docs/sync-protocol.md, "What is taken"), for the file picker. */
export const FILE_ACCEPT = 'image/jpeg,image/png,image/gif,image/webp,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';

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
 * The transaction's extra step: each file kept, shown and queued under `parent`.
 * @param {Picked[]} files @param {{post_id?: string, resource_id?: string}} parent
 */
const withFiles = (files, parent) =>
  files.length
    ? /** @type {Parameters<typeof mutate>[2]} */ (async (tx, at) => {
        for (const file of files) {
          const args = { id: uuid(), ...parent, sha256: file.sha256, name: file.name };
          await store.queueAttachment(tx, file, args, storeMutators['attachment.add'], at);
        }
      })
    : undefined;

/**
 * A new thread; its first post may mention people and carry files.
 * @param {{networkId: string, title: string, body: string, categoryId?: string|null,
 *   mentions?: string[], files?: Picked[]}} input
 * @returns {Promise<string>} the thread's id
 */
export async function startThread({ networkId, title, body, categoryId, mentions = [], files = [] }) {
  const id = uuid();
  const postId = uuid();
  const args = { id, network_id: networkId, title, body, post_id: postId, mentions, ...(categoryId ? { category_id: categoryId } : {}) };
  await mutate('thread.create', args, withFiles(files, { post_id: postId }));
  return id;
}

/**
 * A reply, perhaps quoting a post of the thread, mentioning people, with files.
 * @param {{threadId: string, body: string, replyTo?: string|null, mentions?: string[], files?: Picked[]}} input
 * @returns {Promise<string>} the post's id
 */
export async function writeReply({ threadId, body, replyTo, mentions = [], files = [] }) {
  const id = uuid();
  const args = { id, thread_id: threadId, body, mentions, ...(replyTo ? { reply_to_id: replyTo } : {}) };
  await mutate('post.create', args, withFiles(files, { post_id: id }));
  return id;
}

/** Files for a post or practice that exists. @param {{post_id?: string, resource_id?: string}} parent @param {Picked[]} files */
export async function attach(parent, files) {
  const items = files.map((file) => ({ file, args: { id: uuid(), ...parent, sha256: file.sha256, name: file.name } }));
  await store.attachFiles(items, storeMutators['attachment.add']);
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

/** @param {string} postId @param {boolean} helpful */
export const setHelpful = (postId, helpful) => mutate('post.react', { post_id: postId, helpful });

/** @param {string} threadId @param {boolean} value */
export const pinThread = (threadId, value) => mutate('thread.pin', { id: threadId, value });

/** @param {string} threadId @param {boolean} value */
export const lockThread = (threadId, value) => mutate('thread.lock', { id: threadId, value });

/** @param {string} threadId @param {boolean} starred */
export const starThread = (threadId, starred) => mutate('thread.state', { thread_id: threadId, starred });

/**
 * Read up to the newest post she has seen (its server time, not the phone's clock).
 * @param {string} threadId @param {string} readAt
 */
export const markThreadRead = (threadId, readAt) => mutate('thread.state', { thread_id: threadId, read_at: readAt });

/** @param {string} threadId @param {string|null} categoryId */
export const moveThread = (threadId, categoryId) => mutate('thread.update', { id: threadId, category_id: categoryId });

/** @param {string} networkId @param {string} name */
export const addCategory = (networkId, name) => mutate('category.create', { id: uuid(), network_id: networkId, name });

/** @param {string} id @param {string} name */
export const renameCategory = (id, name) => mutate('category.update', { id, name });

/** @param {string} id */
export const removeCategory = (id) => mutate('category.delete', { id });

/** Empty: all of hers. @param {string[]} ids */
export const markNotificationsRead = (ids) => mutate('notification.read', { ids });

/** @param {string} networkId @param {'immediate'|'daily'|'weekly'|'never'} email */
export const setEmailPref = (networkId, email) => mutate('notification_pref.set', { network_id: networkId, email });

/**
 * A good practice (a file practice may carry files).
 * @param {{networkId: string, kind: 'file'|'link', title: string, description: string, tags: string[],
 *   school_level: string|null, subject: string, url?: string, files?: Picked[]}} input
 * @returns {Promise<string>} its id
 */
export async function createResource({ networkId, files = [], url, ...fields }) {
  const id = uuid();
  const args = { id, network_id: networkId, ...fields, ...(fields.kind === 'link' ? { url } : {}) };
  await mutate('resource.create', args, withFiles(fields.kind === 'file' ? files : [], { resource_id: id }));
  return id;
}

/** @param {string} id @param {Record<string, any>} fields */
export const updateResource = (id, fields) => mutate('resource.update', { id, ...fields });

/** @param {string} id */
export const deleteResource = (id) => mutate('resource.delete', { id });

/**
 * A forum post becomes a good practice.
 * @param {string} postId @param {{title: string, description?: string, tags: string[], school_level: string|null, subject: string}} fields
 * @returns {Promise<string>} the practice's id
 */
export async function promotePost(postId, fields) {
  const resourceId = uuid();
  await mutate('post.promote', { post_id: postId, resource_id: resourceId, ...fields });
  return resourceId;
}
