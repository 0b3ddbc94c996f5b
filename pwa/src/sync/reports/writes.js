/**
 * Her certificate for a network's school year: asked for by the named write
 * `certificate.issue` (the server keeps it once; asking again changes nothing).
 */
import { mutate } from '../writes.js';

/** @param {string} networkId @param {number} year the school year's first year (2026 for 2026/2027) */
export const issueCertificate = (networkId, year) => mutate('certificate.issue', { network_id: networkId, year });
