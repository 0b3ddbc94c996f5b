/**
 * Local (optimistic) versions of the server's mutators. The same functions run
 * when the user writes and again at every rebase, so they must be pure
 * functions of (rows, args, ctx): the time comes from ctx, the time the user
 * wrote, not from the clock at rebase.
 * The forum's and joining are here; running networks and the Poradnia's own
 * rows are in mutators-networks.js and mutators-people.js.
 */
import { actor, membershipOf, MutationError } from './mutation-kit.js';
import { networkMutators } from './mutators-networks.js';
import { peopleMutators } from './mutators-people.js';
import { forumMutators } from './mutators-forum.js';
import { libraryMutators } from './mutators-library.js';

export { setActor, MutationError } from './mutation-kit.js';

export const TITLE_MAX = 200;
export const BODY_MAX = 20000;

/**
 * Text is stored trimmed; an empty or too long one is refused.
 * @param {unknown} value @param {string} field @param {number} max
 */
function text(value, field, max) {
  const t = typeof value === 'string' ? value.trim() : '';
  if (!t) throw new MutationError('invalid', { [field]: 'required' });
  if (t.length > max) throw new MutationError('invalid', { [field]: 'too_long' });
  return t;
}

/**
 * @typedef {import('./mutation-kit.js').RowTx} RowTx
 * @typedef {import('./mutation-kit.js').Ctx} Ctx
 */

/** @type {import('./mutation-kit.js').MutatorTable} */
export const mutators = {
  ...networkMutators,
  ...peopleMutators,
  ...forumMutators,
  ...libraryMutators,
  async 'thread.create'(rows, args, { at }) {
    const title = text(args.title, 'title', TITLE_MAX);
    const body = text(args.body, 'body', BODY_MAX);
    await rows.put('thread', {
      id: args.id,
      network_id: args.network_id,
      title,
      category_id: args.category_id || null,
      pinned: false,
      locked: false,
      author_id: actor(),
      created_at: at,
      last_post_at: at,
      post_count: 1,
    });
    await rows.put('post', {
      id: args.post_id,
      thread_id: args.id,
      network_id: args.network_id,
      body,
      reply_to_id: null,
      mentions: args.mentions || [],
      author_id: actor(),
      created_at: at,
      edited_at: null,
    });
  },

  async 'post.create'(rows, args, { at }) {
    const body = text(args.body, 'body', BODY_MAX);
    const thread = await rows.get('thread', args.thread_id);
    if (!thread) throw new MutationError('not_found');
    await rows.put('post', {
      id: args.id,
      thread_id: thread.id,
      network_id: thread.network_id,
      body,
      reply_to_id: args.reply_to_id || null,
      mentions: args.mentions || [],
      author_id: actor(),
      created_at: at,
      edited_at: null,
    });
    await rows.put('thread', {
      id: thread.id,
      post_count: (thread.post_count || 0) + 1,
      last_post_at: at > thread.last_post_at ? at : thread.last_post_at,
    });
  },

  async 'post.update'(rows, args, { at }) {
    const body = text(args.body, 'body', BODY_MAX);
    const post = await rows.get('post', args.id);
    if (!post) throw new MutationError('not_found');
    if (post.author_id !== actor()) throw new MutationError('forbidden');
    await rows.put('post', { id: post.id, body, edited_at: at });
  },

  async 'membership.join'(rows, args) {
    const network = await rows.get('network', args.network_id);
    if (!network) throw new MutationError('not_found');
    if (network.status === 'archived') throw new MutationError('archived');
    const mine = await membershipOf(rows, network.id, actor());
    if (mine && (mine.status === 'active' || mine.status === 'pending')) throw new MutationError('conflict');
    await rows.put('membership', {
      // The server names the row; until its copy arrives, a local id stands in.
      id: mine ? mine.id : `local-join:${network.id}`,
      network_id: network.id,
      user_id: actor(),
      role: 'member',
      status: network.recruitment === 'open' ? 'active' : 'pending',
    });
  },

  async 'membership.leave'(rows, args) {
    const mine = await membershipOf(rows, args.network_id, actor());
    if (!mine || (mine.status !== 'active' && mine.status !== 'pending')) throw new MutationError('not_found');
    if (mine.role === 'coordinator' && mine.status === 'active') throw new MutationError('forbidden');
    await rows.put('membership', { id: mine.id, status: 'left' });
  },

  async 'post.delete'(rows, args) {
    const post = await rows.get('post', args.id);
    if (!post) throw new MutationError('not_found');
    if (post.author_id !== actor()) throw new MutationError('forbidden');
    await rows.remove('post', post.id);
    for (const a of await rows.byIndex('attachment', 'post_id', post.id)) await rows.remove('attachment', a.id);
    const thread = await rows.get('thread', post.thread_id);
    if (thread) {
      await rows.put('thread', { id: thread.id, post_count: Math.max(0, (thread.post_count || 1) - 1) });
    }
  },
};

/**
 * The mutators as the store calls them (rebase passes the entry's time).
 * @type {Record<string, (rows: RowTx, args: any, entry?: {created_at?: string}) => Promise<void>>}
 */
export const storeMutators = Object.fromEntries(
  Object.entries(mutators).map(([name, fn]) => [
    name,
    (rows, args, entry) => fn(rows, args, { at: entry?.created_at || new Date().toISOString() }),
  ]),
);
