/**
 * Local version of the accounts' mutator (server/accounts/): her own profile.
 */
import { actor, given, trimmed } from '../mutation-kit.js';

/** @type {import('../mutation-kit.js').MutatorTable} */
export const accountsMutators = {
  async 'profile.update'(rows, args) {
    const fields = given(args, ['name', 'school_id', 'function', 'form_of_address']);
    if ('subjects' in args) fields.subjects = args.subjects.map(trimmed);
    // Her address stops showing at once; shown again once the server sends its contact rows.
    if (args.share_email === false) await rows.remove('contact', actor());
    await rows.put('user', { id: actor(), ...fields });
  },
};
