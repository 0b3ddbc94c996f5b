/**
 * Local versions of the files' mutators (server/files/): attachments added to
 * or removed from a post, a practice or a meeting. The bytes travel beside the outbox
 * (uploader.js); the row shows at once.
 */
import { actor, MutationError } from '../mutation-kit.js';

/** @type {import('../mutation-kit.js').MutatorTable} */
export const filesMutators = {
  async 'attachment.add'(rows, args, { at }) {
    const parent = args.post_id ? await rows.get('post', args.post_id)
      : args.resource_id ? await rows.get('resource', args.resource_id) : await rows.get('meeting', args.meeting_id);
    if (!parent) throw new MutationError('not_found');
    // A meeting's materials are added by those who plan it: the server knows who that is.
    if (!args.meeting_id && parent.author_id !== actor()) throw new MutationError('forbidden');
    const file = await rows.file(args.sha256);
    await rows.put('attachment', {
      id: args.id,
      post_id: args.post_id || null,
      resource_id: args.resource_id || null,
      meeting_id: args.meeting_id || null,
      network_id: parent.network_id,
      name: args.name,
      mime: file?.mime || '',
      size: file?.size ?? 0,
      sha256: args.sha256,
      has_thumbnail: false,
      created_at: at,
    });
  },

  async 'attachment.remove'(rows, args) {
    const attachment = await rows.get('attachment', args.id);
    if (!attachment) throw new MutationError('not_found');
    await rows.remove('attachment', attachment.id);
  },
};
