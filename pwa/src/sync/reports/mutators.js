/**
 * Local versions of the reports' mutators (server/reports/). A certificate is
 * made on the server (its number, its code, the hours as attendance says), so
 * on the device `certificate.issue` only checks its arguments (mutators.js
 * runs the rules first) and waits in the outbox; the PDF is fetched after.
 * `certificate.revoke` (staff) likewise: the device keeps no certificate rows.
 */

/** @type {import('../mutation-kit.js').MutatorTable} */
export const reportMutators = {
  'certificate.issue': async () => {},
  'certificate.revoke': async () => {},
};
