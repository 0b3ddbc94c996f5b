/**
 * A certificate for a network's school year: asked for by the named write
 * `certificate.issue` (the server keeps it once; asking again changes nothing),
 * hers or, by staff, a participant's (`userId`); staff revoke one with a reason.
 */
import { mutate } from '../writes.js';

/**
 * @param {string} networkId @param {number} year the school year's first year (2026 for 2026/2027)
 * @param {string} [userId] someone else's (staff)
 */
export const issueCertificate = (networkId, year, userId) =>
  mutate('certificate.issue', userId ? { network_id: networkId, year, user_id: userId } : { network_id: networkId, year });

/** @param {string} id @param {string} reason */
export const revokeCertificate = (id, reason) => mutate('certificate.revoke', { id, reason: reason.trim() });
