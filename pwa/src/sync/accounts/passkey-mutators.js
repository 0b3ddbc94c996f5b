/**
 * Local versions of the passkeys' mutators (server/accounts/passkey_mutations.py, staff_links.py).
 */
import { MutationError, trimmed } from '../mutation-kit.js';

/** @type {import('../mutation-kit.js').MutatorTable} */
export const passkeyMutators = {
  async 'passkey.rename'(rows, args) {
    const passkey = await hers(rows, args.id);
    await rows.put('passkey', { ...passkey, id: args.id, name: trimmed(args.name) });
  },
  async 'passkey.remove'(rows, args) {
    await hers(rows, args.id);
    await rows.remove('passkey', args.id);
  },
  // A letter to her address: nothing on this device changes.
  async 'signin_link.issue'() {},
};

/** @param {import('../mutation-kit.js').RowTx} rows @param {string} id */
async function hers(rows, id) {
  const passkey = await rows.get('passkey', id);
  if (!passkey) throw new MutationError('not_found');
  return passkey;
}
