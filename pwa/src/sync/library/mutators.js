/**
 * Local versions of the library's mutators (server/library/): good practices
 * made, edited, deleted or promoted from a post (docs/sync-protocol.md).
 */
import { actor, MutationError, trimmed } from '../mutation-kit.js';
import { uuid5 } from '../uuid5.js';

/** @typedef {import('../mutation-kit.js').RowTx} RowTx */

const EDITABLE = ['title', 'description', 'tags', 'school_level', 'subject', 'url'];

/**
 * Tags trimmed, empties and later repeats (case aside) dropped: the first spelling stays.
 * @param {unknown} tags @returns {string[]}
 */
export function cleanTags(tags) {
  /** @type {Map<string, string>} */
  const seen = new Map();
  for (const raw of Array.isArray(tags) ? tags : []) {
    const tag = String(raw).trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** @param {RowTx} rows @param {string} id */
async function liveResource(rows, id) {
  const resource = await rows.get('resource', id);
  if (!resource) throw new MutationError('not_found');
  return resource;
}

/** @type {import('../mutation-kit.js').MutatorTable} */
export const libraryMutators = {
  async 'resource.create'(rows, args, { at }) {
    await rows.put('resource', {
      id: args.id,
      network_id: args.network_id,
      title: trimmed(args.title),
      description: trimmed(args.description || ''),
      tags: cleanTags(args.tags),
      school_level: args.school_level || null,
      subject: trimmed(args.subject || ''),
      kind: args.kind,
      url: args.kind === 'link' ? trimmed(args.url) : null,
      author_id: actor(),
      from_post_id: null,
      created_at: at,
      edited_at: null,
      edited_by: null,
    });
  },

  async 'resource.update'(rows, args, { at }) {
    const resource = await liveResource(rows, args.id);
    /** @type {{id: string} & Record<string, any>} */
    const fields = { id: resource.id, edited_at: at, edited_by: actor() };
    for (const key of EDITABLE) if (key in args) fields[key] = key === 'tags' ? cleanTags(args.tags) : trimmed(args[key]);
    await rows.put('resource', fields);
  },

  async 'resource.delete'(rows, args) {
    const resource = await liveResource(rows, args.id);
    for (const a of await rows.byIndex('attachment', 'resource_id', resource.id)) await rows.remove('attachment', a.id);
    await rows.remove('resource', resource.id);
  },

  // The post's files go along: new rows for the same bytes, named as the server names them.
  async 'post.promote'(rows, args, { at }) {
    const post = await rows.get('post', args.post_id);
    if (!post) throw new MutationError('not_found');
    await rows.put('resource', {
      id: args.resource_id,
      network_id: post.network_id,
      title: trimmed(args.title),
      description: trimmed(args.description || '') || post.body,
      tags: cleanTags(args.tags),
      school_level: args.school_level || null,
      subject: trimmed(args.subject || ''),
      kind: 'file',
      url: null,
      author_id: actor(),
      from_post_id: post.id,
      created_at: at,
      edited_at: null,
    });
    for (const a of await rows.byIndex('attachment', 'post_id', post.id)) {
      await rows.put('attachment', { ...a, id: uuid5(args.resource_id, a.id), post_id: null, resource_id: args.resource_id, created_at: at });
    }
  },
};
