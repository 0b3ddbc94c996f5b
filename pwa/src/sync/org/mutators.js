/**
 * Local versions of the Poradnia's own mutators (server/org/): schools, the
 * Poradnia's details and who is on its staff.
 */
import { actor, given, MutationError } from '../mutation-kit.js';

/** @type {import('../mutation-kit.js').MutatorTable} */
export const orgMutators = {
  async 'school.create'(rows, args) {
    await rows.put('school', { id: args.id, rspo: null, ...given(args, ['name', 'town', 'kind', 'rspo']) });
  },

  async 'school.update'(rows, args) {
    if (!(await rows.get('school', args.id))) throw new MutationError('not_found');
    await rows.put('school', { id: args.id, ...given(args, ['name', 'town', 'kind', 'rspo']) });
  },

  async 'poradnia.update'(rows, args) {
    const [poradnia] = await rows.all('poradnia');
    if (!poradnia) throw new MutationError('not_found');
    /** @type {Record<string, any>} */
    const logo = {};
    // A removed logo goes at once; a new one shows once the server's row is back
    // (its address answers 404 until the change is pushed).
    if ('logo_sha256' in args && !args.logo_sha256) logo.logo_url = null;
    await rows.put('poradnia', { id: poradnia.id, ...given(args, ['name', 'address', 'email']), ...logo });
  },

  async 'staff.set'(rows, args) {
    if (args.user_id === actor() && !(args.is_staff && args.is_admin)) throw new MutationError('forbidden');
    const user = await rows.get('user', args.user_id);
    if (!user) return; // someone this device does not hold: the server's copy will show it
    await rows.put('user', { id: user.id, is_staff: args.is_staff, is_admin: args.is_staff && args.is_admin });
  },
};
