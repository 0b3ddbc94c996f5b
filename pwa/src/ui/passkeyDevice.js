/**
 * What this device remembers about passkeys (localStorage: no personal data, kept after
 * signing out): whether a passkey was made or used here (the sign-in screen then offers it
 * first), and whether she was offered one after signing in by link (once per person here).
 */
const USED = 'krag.passkey-here';
const OFFER = 'krag.passkey-offer.';

export const passkeyUsedHere = () => localStorage.setItem(USED, '1');
export const passkeyWasUsedHere = () => localStorage.getItem(USED) === '1';

/** She signed in with an e-mailed link: offer a passkey next, unless she was offered one here. */
export function offerPasskeyAfterLink() {
  const key = `${OFFER}pending`;
  localStorage.setItem(key, '1');
}

/** @param {string} userId */
export function passkeyOfferDue(userId) {
  return localStorage.getItem(`${OFFER}pending`) === '1' && localStorage.getItem(OFFER + userId) !== 'done';
}

/** Offered (added, or "Nie teraz"): never again for her on this device. @param {string} userId */
export function passkeyOfferDone(userId) {
  localStorage.setItem(OFFER + userId, 'done');
  localStorage.removeItem(`${OFFER}pending`);
}
