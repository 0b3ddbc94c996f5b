/**
 * What the screens offer, by the rules of docs/roles.md. The server decides;
 * these only keep buttons away that would surely be refused.
 */

/** @typedef {Record<string, any> | null | undefined} Row */

/** @param {Row} membership */
export const isActive = (membership) => membership?.status === 'active';

/** @param {Row} network */
export const isArchived = (network) => network?.status === 'archived';

/** Coordinators and members start threads; experts only reply. @param {Row} m @param {Row} n */
export const canStartThreads = (m, n) =>
  isActive(m) && (m?.role === 'coordinator' || m?.role === 'member') && !isArchived(n);

/** @param {Row} m @param {Row} n */
export const canReply = (m, n) => isActive(m) && !isArchived(n);

/** A coordinator hands the network over before she can leave. @param {Row} m */
export const canLeave = (m) =>
  (m?.status === 'active' && m?.role !== 'coordinator') || m?.status === 'pending';

/**
 * What joining would do here: 'join' (open), 'ask' (closed), or why not.
 * @param {Row} m @param {Row} n
 * @returns {'join'|'ask'|'member'|'pending'|'removed'|'archived'|'full'}
 */
export function joinOption(m, n) {
  if (m?.status === 'active') return 'member';
  if (m?.status === 'pending') return 'pending';
  if (m?.status === 'removed') return 'removed';
  if (isArchived(n)) return 'archived';
  if (n?.recruitment !== 'closed' && n?.capacity != null && (n?.member_count ?? 0) >= n.capacity) return 'full';
  return n?.recruitment === 'closed' ? 'ask' : 'join';
}

/** A Poradnia employee, by her own `user` row. @param {Row} user */
export const isStaff = (user) => user?.is_staff === true;

/** A staff admin manages staff, the Poradnia's details and every network. @param {Row} user */
export const isAdmin = (user) => isStaff(user) && user?.is_admin === true;

/**
 * The network's coordinator, or a staff admin (docs/roles.md): settings,
 * members, invitations, handover, archive, the next year.
 * @param {Row} m her membership in the network @param {Row} user her own `user` row
 */
export const canManage = (m, user) => (isActive(m) && m?.role === 'coordinator') || isAdmin(user);
