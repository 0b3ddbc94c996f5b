/** Her writes about herself (server/accounts/). */
import { mutate } from '../writes.js';

/** Any of name, school_id, function, subjects. @param {Record<string, any>} fields */
export async function updateProfile(fields) {
  await mutate('profile.update', fields);
}
