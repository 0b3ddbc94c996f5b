/**
 * "Czeka na wysłanie: N" counts what she wrote, not the operations it takes:
 * a thread with its first post and its files is one, a reply with a photo is
 * one, an edit of something still waiting is part of it. Reading marks are
 * not writing at all.
 */

/** Marks of reading: they sync, but she did not write anything. */
const QUIET = ['thread.state', 'notification.read'];

/** @typedef {{name: string, args: Record<string, any>}} Waiting */

/**
 * Ids a waiting write brings into being (a thread and its first post, a post,
 * a good practice made from a post...). @param {Waiting} w
 */
function made(w) {
  if (w.name === 'post.promote') return [w.args.resource_id]; // the post itself was there before
  if (w.name === 'thread.create') return [w.args.id, w.args.post_id];
  return w.name.endsWith('.create') ? [w.args.id] : [];
}

/** What a write changes that may itself be waiting. @param {Waiting} w */
const partOf = (w) =>
  w.name === 'attachment.add' ? [w.args.post_id, w.args.resource_id] : w.name.endsWith('.update') ? [w.args.id] : [];

/**
 * How many things she wrote wait in the outbox and the uploads together.
 * @param {Waiting[]} waiting
 */
export function writtenCount(waiting) {
  const writes = waiting.filter((w) => !QUIET.includes(w.name));
  const born = new Set(writes.flatMap(made));
  return writes.filter((w) => !partOf(w).some((id) => id && born.has(id))).length;
}
