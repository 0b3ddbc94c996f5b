/**
 * Local versions of the forum's mutators (server/forum/): threads and posts
 * written, edited and deleted; a thread's title and category, pin and lock,
 * her reading state and star (reading also reads what the bell told of
 * there), "pomocne", categories. The server checks again and has the last word.
 * Rows only the server names (reading state) get a stand-in id until its copy
 * arrives; the rebase then finds that copy by its index.
 */
import { actor, MutationError, trimmed } from '../mutation-kit.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

/** @param {RowTx} rows @param {string} id */
async function threadOf(rows, id) {
  const thread = await rows.get('thread', id);
  if (!thread) throw new MutationError('not_found');
  return thread;
}

/**
 * What she was told of in a thread up to `readAt` is read once she has read it
 * there, as on the server: the bell clears offline too.
 * @param {RowTx} rows @param {string} threadId @param {string} readAt @param {string} at
 */
async function readNotesOf(rows, threadId, readAt, at) {
  for (const note of await rows.all('notification')) {
    if (note.thread_id === threadId && !note.read_at && Date.parse(note.created_at) <= Date.parse(readAt)) {
      await rows.put('notification', { id: note.id, read_at: at });
    }
  }
}

/** @param {string} field */
const flag = (field) =>
  /** @param {RowTx} rows @param {any} args */
  async (rows, args) => {
    const thread = await threadOf(rows, args.id);
    await rows.put('thread', { id: thread.id, [field]: !!args.value });
  };

/** @type {import('../mutation-kit.js').MutatorTable} */
export const forumMutators = {
  async 'thread.create'(rows, args, { at }) {
    const title = trimmed(args.title);
    const body = trimmed(args.body);
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
    const body = trimmed(args.body);
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
    const body = trimmed(args.body);
    const post = await rows.get('post', args.id);
    if (!post) throw new MutationError('not_found');
    if (post.author_id !== actor()) throw new MutationError('forbidden');
    await rows.put('post', { id: post.id, body, edited_at: at });
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

  async 'thread.update'(rows, args) {
    const thread = await threadOf(rows, args.id);
    /** @type {{id: string} & Record<string, any>} */
    const fields = { id: thread.id };
    if ('title' in args) fields.title = trimmed(args.title);
    if ('category_id' in args) fields.category_id = args.category_id || null;
    await rows.put('thread', fields);
  },

  'thread.pin': flag('pinned'),
  'thread.lock': flag('locked'),

  // Reading only moves forward, as on the server.
  async 'thread.state'(rows, args, { at }) {
    const thread = await threadOf(rows, args.thread_id);
    const old = (await rows.byIndex('thread_state', 'thread_id', thread.id))[0];
    const readAt = args.read_at || at;
    /** @type {{id: string} & Record<string, any>} */
    const state = { id: old ? old.id : `local-state:${thread.id}`, thread_id: thread.id, starred: old?.starred ?? false };
    const later = !old?.read_at || Date.parse(old.read_at) < Date.parse(readAt);
    if (args.read_at || args.starred === undefined) {
      state.read_at = later ? readAt : old.read_at;
      await readNotesOf(rows, thread.id, state.read_at, at);
    }
    if (args.starred !== undefined) state.starred = !!args.starred;
    await rows.put('thread_state', state);
  },

  // Sets, not toggles: replaying it changes nothing.
  async 'post.react'(rows, args) {
    const post = await rows.get('post', args.post_id);
    if (!post) throw new MutationError('not_found');
    if (post.author_id === actor()) throw new MutationError('forbidden');
    const id = `${post.id}:${actor()}`;
    if (args.helpful) await rows.put('reaction', { id, post_id: post.id, user_id: actor(), kind: 'helpful' });
    else await rows.remove('reaction', id);
  },

  async 'category.create'(rows, args) {
    const existing = await rows.byIndex('category', 'network_id', args.network_id);
    await rows.put('category', {
      id: args.id,
      network_id: args.network_id,
      name: trimmed(args.name),
      position: args.position ?? existing.length,
    });
  },

  async 'category.update'(rows, args) {
    const category = await rows.get('category', args.id);
    if (!category) throw new MutationError('not_found');
    /** @type {{id: string} & Record<string, any>} */
    const fields = { id: category.id };
    if ('name' in args) fields.name = trimmed(args.name);
    if ('position' in args) fields.position = args.position;
    await rows.put('category', fields);
  },

  // Its threads stay, without a category.
  async 'category.delete'(rows, args) {
    const category = await rows.get('category', args.id);
    if (!category) throw new MutationError('not_found');
    for (const thread of await rows.byIndex('thread', 'network_id', category.network_id)) {
      if (thread.category_id === category.id) await rows.put('thread', { id: thread.id, category_id: null });
    }
    await rows.remove('category', category.id);
  },
};
