/**
 * Local versions of the accounts' mutators (server/accounts/): her own profile, her devices.
 */
import { actor, given, trimmed } from '../mutation-kit.js';
import { currentSessionId } from '../session.js';

/** @type {import('../mutation-kit.js').MutatorTable} */
export const accountsMutators = {
  async 'profile.update'(rows, args) {
    const fields = given(args, ['name', 'school_id', 'function', 'form_of_address', 'lang']);
    if ('subjects' in args) fields.subjects = args.subjects.map(trimmed);
    // Her address stops showing at once; shown again once the server sends its contact rows.
    if (args.share_email === false) await rows.remove('contact', actor());
    await rows.put('user', { id: actor(), ...fields });
  },
  // Her list of devices: the one signed out leaves it at once (the server ends it when pushed).
  async 'session.revoke'(rows, args) {
    await rows.remove('session', args.id);
  },
  async 'session.revoke_others'(rows) {
    for (const s of await rows.all('session')) if (s.id !== currentSessionId()) await rows.remove('session', s.id);
  },
  // Nothing changes here before the server's answer: then this device is cleared (sync/privacy).
  async 'account.delete'() {},
};
