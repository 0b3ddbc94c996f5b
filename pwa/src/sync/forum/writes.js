/**
 * Her writes in the forum (server/forum/): threads and replies (files picked
 * for them land in the same transaction, files/writes.js), edits, "pomocne",
 * pin, lock, star, reading, categories. Each is one named mutation through
 * writes.js's `mutate`.
 */
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';
import { attached } from '../files/writes.js';

/**
 * A new thread; its first post may mention people and carry files.
 * @param {{networkId: string, title: string, body: string, categoryId?: string|null,
 *   mentions?: string[], files?: import('../files/writes.js').Picked[]}} input
 * @returns {Promise<string>} the thread's id
 */
export async function startThread({ networkId, title, body, categoryId, mentions = [], files = [] }) {
  const id = uuid();
  const postId = uuid();
  const args = { id, network_id: networkId, title, body, post_id: postId, mentions, ...(categoryId ? { category_id: categoryId } : {}) };
  await mutate('thread.create', args, attached(files, { post_id: postId }));
  return id;
}

/**
 * A reply, perhaps quoting a post of the thread, mentioning people, with files.
 * @param {{threadId: string, body: string, replyTo?: string|null, mentions?: string[], files?: import('../files/writes.js').Picked[]}} input
 * @returns {Promise<string>} the post's id
 */
export async function writeReply({ threadId, body, replyTo, mentions = [], files = [] }) {
  const id = uuid();
  const args = { id, thread_id: threadId, body, mentions, ...(replyTo ? { reply_to_id: replyTo } : {}) };
  await mutate('post.create', args, attached(files, { post_id: id }));
  return id;
}

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

/** @param {string} postId @param {string} body */
export async function editPost(postId, body) {
  await mutate('post.update', { id: postId, body });
}

/** @param {string} postId */
export async function deletePost(postId) {
  await mutate('post.delete', { id: postId });
}
