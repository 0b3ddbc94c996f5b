/**
 * Whether the browser keeps this device's data when space runs low. Without it a
 * phone short of space may clear the site's storage — the outbox with it, words
 * she wrote offline and has not sent yet. Chrome grants it without asking to an
 * installed app or a site used often; Firefox asks her.
 */

/** Ask once she is signed in. @returns {Promise<boolean|null>} null: the browser cannot tell */
export async function keepOnDevice() {
  const storage = navigator.storage;
  if (!storage?.persist) return null;
  if (await storage.persisted()) return true;
  return storage.persist();
}

/** @returns {Promise<boolean|null>} */
export async function keptOnDevice() {
  const storage = navigator.storage;
  return storage?.persisted ? storage.persisted() : null;
}
