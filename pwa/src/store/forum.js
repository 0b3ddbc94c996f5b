/**
 * Reads for the forum's screens: categories, the thread list with what is new
 * since her last visit, and one thread with everything hung on its posts
 * (quotes, "pomocne" marks, edit history, attachments).
 */
import { db } from './db.js';
import { FILES, toRow } from './schema.js';
import { byName, rows, time } from './plain.js';

/** A network's categories in the coordinator's order. @param {string} networkId */
export async function categoriesOf(networkId) {
  const list = rows(await (await db()).getAllFromIndex('categories', 'network_id', networkId));
  return list.sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || byName(a, b));
}

/**
 * Her reading state of every thread she has one for, by thread id.
 * @returns {Promise<Map<string, Record<string, any>>>}
 */
async function threadStates() {
  const list = rows(await (await db()).getAll('thread_states'));
  return new Map(list.map((s) => [s.thread_id, s]));
}

/**
 * Posts others wrote after she last read the thread (all of them when she never opened it).
 * @param {Record<string, any>[]} posts @param {Record<string, any>|undefined} state @param {string} meId
 */
function unreadIn(posts, state, meId) {
  const readAt = time(state?.read_at);
  return posts.filter((p) => p.author_id !== meId && time(p.created_at) > readAt).length;
}

/**
 * A network's threads: pinned first, then newest activity; each with `unread`
 * (posts held on the device that are new to her), `starred` and `opened`.
 * @param {string} networkId @param {string} meId
 */
export async function threadListOf(networkId, meId) {
  const d = await db();
  const [threads, posts, states] = await Promise.all([
    d.getAllFromIndex('threads', 'network_id', networkId).then(rows),
    d.getAllFromIndex('posts', '_scopes', `network:${networkId}`).then(rows),
    threadStates(),
  ]);
  const byThread = groupBy(posts, (p) => p.thread_id);
  return threads
    .map((th) => {
      const state = states.get(th.id);
      return /** @type {Record<string, any>} */ ({ ...th, unread: unreadIn(byThread.get(th.id) || [], state, meId), starred: !!state?.starred, opened: !!state?.read_at });
    })
    .sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || time(b.last_post_at) - time(a.last_post_at));
}

/**
 * For the home screen: posts new to her in each network (counted as threadListOf counts them,
 * over what the device holds: no server call), by network id; networks with none are left out.
 * @param {string} meId @returns {Promise<Map<string, number>>}
 */
export async function unreadByNetwork(meId) {
  const d = await db();
  const [posts, states] = await Promise.all([d.getAll('posts').then(rows), threadStates()]);
  /** @type {Map<string, number>} */
  const out = new Map();
  for (const [threadId, list] of groupBy(posts, (p) => p.thread_id)) {
    const n = unreadIn(list, states.get(threadId), meId);
    if (n) out.set(list[0].network_id, (out.get(list[0].network_id) || 0) + n);
  }
  return out;
}

/**
 * @template T
 * @param {T[]} list @param {(item: T) => string} key
 * @returns {Map<string, T[]>}
 */
function groupBy(list, key) {
  /** @type {Map<string, T[]>} */
  const out = new Map();
  for (const item of list) out.set(key(item), [...(out.get(key(item)) || []), item]);
  return out;
}

/**
 * One thread with its posts (oldest first) and what hangs on them, read in one
 * transaction: `reactions`, `revisions` (newest first), `attachments` by post
 * id; `local`: SHA-256s whose bytes are on the device.
 * @param {string} threadId
 */
export async function threadBundle(threadId) {
  const tx = (await db()).transaction(['threads', 'posts', 'reactions', 'post_revisions', 'attachments', 'thread_states', FILES]);
  const thread = toRow(await tx.objectStore('threads').get(threadId));
  const posts = rows(await tx.objectStore('posts').index('thread_id').getAll(threadId)).sort(
    (a, b) => time(a.created_at) - time(b.created_at) || a.id.localeCompare(b.id),
  );
  /** @param {string} store */
  const hung = async (store) =>
    rows((await Promise.all(posts.map((p) => tx.objectStore(store).index('post_id').getAll(p.id)))).flat());
  const [reactions, revisions, attachments] = [await hung('reactions'), await hung('post_revisions'), await hung('attachments')];
  const state = toRow((await tx.objectStore('thread_states').index('thread_id').getAll(threadId))[0]);
  const local = new Set(/** @type {string[]} */ (await tx.objectStore(FILES).getAllKeys()));
  await tx.done;
  return {
    thread,
    posts,
    state,
    local,
    reactions: groupBy(reactions, (r) => r.post_id),
    revisions: groupBy(revisions.sort((a, b) => time(b.replaced_at) - time(a.replaced_at)), (r) => r.post_id),
    attachments: groupBy(attachments, (a) => a.post_id),
  };
}

/** Her notifications, newest first. */
export async function notificationList() {
  const list = rows(await (await db()).getAll('notifications'));
  return list.sort((a, b) => time(b.created_at) - time(a.created_at));
}

/** How many of her notifications are unread. */
export async function unreadNotificationCount() {
  return (await notificationList()).filter((n) => !n.read_at).length;
}

/** Her e-mail choice for one network: `daily` when she never chose. @param {string} networkId */
export async function emailPrefOf(networkId) {
  const found = rows(await (await db()).getAllFromIndex('notification_prefs', 'network_id', networkId))[0];
  return /** @type {string} */ (found?.email || 'daily');
}
