/**
 * Local versions of the notifications' mutators (server/notifications/): what
 * she has read, and how often she is e-mailed about a network. An e-mail
 * choice only the server names gets a stand-in id until its copy arrives.
 */
/** @type {import('../mutation-kit.js').MutatorTable} */
export const notificationMutators = {
  async 'notification.read'(rows, args, { at }) {
    const ids = /** @type {string[]} */ (args.ids || []);
    const notes = ids.length
      ? (await Promise.all(ids.map((id) => rows.get('notification', id)))).filter((n) => n !== null)
      : await rows.all('notification');
    for (const note of notes) if (note && !note.read_at) await rows.put('notification', { id: note.id, read_at: at });
  },

  async 'notification_pref.set'(rows, args) {
    const old = (await rows.byIndex('notification_pref', 'network_id', args.network_id))[0];
    await rows.put('notification_pref', { id: old ? old.id : `local-pref:${args.network_id}`, network_id: args.network_id, email: args.email });
  },
};
