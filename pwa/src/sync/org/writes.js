/** The staff's writes about the Poradnia (server/org/): schools, its details, its staff. */
import { mutate } from '../writes.js';
import { uuid } from '../uuid.js';

/**
 * Adds a school (no id) or changes one; an empty RSPO number is none.
 * @param {{id?: string, name: string, town: string, kind: string, rspo?: string|null}} school
 * @returns {Promise<string>} the school's id
 */
export async function saveSchool({ id, ...fields }) {
  const schoolId = id || uuid();
  await mutate(id ? 'school.update' : 'school.create', { id: schoolId, ...fields, rspo: fields.rspo?.trim() || null });
  return schoolId;
}

/** Any of name, address, email, logo_sha256 (see logo.js). @param {Record<string, string|null>} fields */
export async function updatePoradnia(fields) {
  await mutate('poradnia.update', fields);
}

/** Staff admins say who works at the Poradnia. @param {string} userId @param {boolean} isStaff @param {boolean} isAdmin */
export async function setStaff(userId, isStaff, isAdmin) {
  await mutate('staff.set', { user_id: userId, is_staff: isStaff, is_admin: isStaff && isAdmin });
}
