/** Her writes about herself and her devices (server/accounts/). */
import { mutate } from '../writes.js';

/** Any of name, school_id, function, subjects, lang (her letters'). @param {Record<string, any>} fields */
export async function updateProfile(fields) {
  await mutate('profile.update', fields);
}

/** Signs out one of her devices (a lost phone): `session.revoke`. @param {string} id */
export async function revokeSession(id) {
  await mutate('session.revoke', { id });
}

/** Signs out every device of hers but this one: `session.revoke_others`. */
export async function revokeOtherSessions() {
  await mutate('session.revoke_others', {});
}
